/** Manifests and templates are YAML files: `.yaml` or `.yml`, in any case. */
import path from 'node:path';

const YAML_EXTENSION = /\.ya?ml$/i;

export function isYamlFile(name: string): boolean {
  return YAML_EXTENSION.test(name);
}

/** The file's name without its YAML extension: `issues/gongyi-2024-11-26.yaml` → `gongyi-2024-11-26`. */
export function yamlStem(file: string): string {
  return path.basename(file).replace(YAML_EXTENSION, '');
}
