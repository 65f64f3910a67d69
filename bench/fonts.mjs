/** The font folders Typst scans: the TTFs of the weights the tabloid template uses, from the same npm packages banmian reads. */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const WEIGHTS = {
  'noto-serif-sc': ['400Regular', '600SemiBold'],
  'noto-sans-sc': ['300Light', '400Regular', '500Medium', '700Bold'],
};

export function typstFontDirs() {
  return Object.entries(WEIGHTS).flatMap(([pkg, dirs]) => {
    const root = path.dirname(require.resolve(`@expo-google-fonts/${pkg}/package.json`));
    return dirs.map((d) => path.join(root, d));
  });
}
