/** Finding, reading and validating a page template. */

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BanmianError } from '../errors.js';
import { didYouMean } from '../manifest/did-you-mean.js';
import { resolveInside } from '../manifest/paths.js';
import { parseOrThrow, throwFirstProblem } from '../manifest/problems.js';
import { isYamlFile, yamlStem } from '../manifest/yaml-names.js';
import { positionOfPath, readYamlSource, type YamlSource } from '../manifest/yaml-source.js';
import { fontChoiceProblem } from '../fonts/registry.js';
import type { Problem } from '../manifest/problems.js';
import { checkOutputProfile } from './icc.js';
import { checkTemplateGeometry, templateSchema, type TemplateData } from './schema.js';
import type { Template } from './types.js';
import type { Issue } from '../manifest/types.js';
import { fileVersion } from '../file-version.js';

/**
 * The project's templates/ folder. This file runs as src/template/load.ts under vitest and as
 * dist/template/load.js after tsc: both two levels below the project root.
 */
export function templatesDir(): string {
  return fileURLToPath(new URL('../../templates/', import.meta.url));
}

/** Names of the bundled templates, sorted: `a4`, `broadsheet`, `tabloid`. */
export async function listTemplateNames(): Promise<string[]> {
  const entries = await readdir(templatesDir()).catch(() => [] as string[]);
  return entries
    .filter((entry) => entry.endsWith('.yaml'))
    .map((entry) => entry.slice(0, -'.yaml'.length))
    .sort();
}

/** `tabloid` names a bundled template; `./mine.yaml` or `styles/mine` is a file. */
export function isTemplatePath(nameOrPath: string): boolean {
  return /[/\\]/.test(nameOrPath) || isYamlFile(nameOrPath);
}

/** BanmianError for a bare name that is not a bundled template, listing those that are. */
export async function unknownTemplateError(name: string, where: ConstructorParameters<typeof BanmianError>[3] = {}): Promise<BanmianError> {
  const names = await listTemplateNames();
  return new BanmianError(
    'unknown-template',
    'input',
    `unknown template "${name}"`,
    where,
    didYouMean(name, names, `available: ${names.join(', ') || '(none)'}; or give a path such as ./my-template.yaml`),
  );
}

/** The template an issue names, found from its manifest's folder. */
export async function loadIssueTemplate(issue: Pick<Issue, 'template' | 'file'>): Promise<Template> {
  return loadTemplate(issue.template, path.dirname(issue.file));
}

/**
 * Load a bundled template by name, or a template file by path relative to the manifest's folder
 * (the same no-escape rules as other manifest paths; an absolute path is accepted only inside that
 * folder, as `loadIssue` produces for Issue.template).
 */
export async function loadTemplate(nameOrPath: string, manifestDir: string): Promise<Template> {
  const { file, name } = await locateTemplate(nameOrPath, path.resolve(manifestDir));
  const key = `${name}\0${await fileVersion(file)}`;
  const known = loaded.get(key);
  if (known) return known;
  const template = await readTemplate(file, name);
  loaded.set(key, template);
  return template;
}

/** Templates by name, file, size and mtime: a batch or a proof run reads each one once. */
const loaded = new Map<string, Template>();

async function readTemplate(file: string, name: string): Promise<Template> {
  const source = await readYamlSource(file, 'template');
  const data = parseOrThrow(templateSchema, source, 'template');
  const problems = [...checkTemplateGeometry(data), ...checkTemplateFonts(data)];
  if (problems.length > 0) throwFirstProblem(source, problems);
  const iccProfile = data.iccProfile ? await outputProfile(source, data.iccProfile) : undefined;
  return { name, file, ...data, iccProfile };
}

/** The template's CMYK output profile, resolved beside it and checked to be one. */
async function outputProfile(source: YamlSource, written: string): Promise<string> {
  const where = { file: source.file, line: positionOfPath(source, ['iccProfile']).line, field: 'iccProfile' };
  const file = await resolveInside(path.dirname(source.file), written, { what: 'ICC profile', where });
  await checkOutputProfile(file, where);
  return file;
}

async function locateTemplate(nameOrPath: string, manifestDir: string): Promise<{ file: string; name: string }> {
  if (isTemplatePath(nameOrPath)) {
    const file = await resolveInside(manifestDir, nameOrPath, { what: 'template', where: { field: 'template' }, allowAbsolute: true });
    return { file, name: yamlStem(file) };
  }
  const names = await listTemplateNames();
  if (!names.includes(nameOrPath)) throw await unknownTemplateError(nameOrPath, { field: 'template' });
  return { file: path.join(templatesDir(), `${nameOrPath}.yaml`), name: nameOrPath };
}

/** Every style's family and weight must be in fonts/families.yaml: caught here, at the template's line. */
function checkTemplateFonts(data: TemplateData): Problem[] {
  return Object.entries(data.styles).flatMap(([role, style]) => {
    const problem = fontChoiceProblem(style.family, style.weight);
    return problem ? [{ code: 'unknown-font', path: ['styles', role, problem.field], message: problem.message, hint: problem.hint }] : [];
  });
}
