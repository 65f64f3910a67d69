/**
 * The bundled CLI: dist/cli/main.js and everything it imports in one CommonJS file,
 * dist/cli/banmian.cjs, which dist/cli/launch.js runs from V8's code cache (see src/cli/launch.ts).
 * One file resolves once and caches whole. `npm run build` runs this after tsc.
 *
 * Left out, and loaded from node_modules when used: sharp (a native addon), piscina (it starts
 * workers from its own files), pdf-parse (pdf.js loads its worker from its own files). The code
 * loads these with `import()`, which becomes a lazy `require()` here: a static import would be
 * hoisted to the bundle's first line and load them on every start.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'rolldown';

const OUT_DIR = 'dist/cli';

/**
 * pdfkit reads the sRGB profile of a PDF/A output intent from `./data/` beside its own module,
 * which in the bundle is beside banmian.cjs. (Its standard 14 fonts would be missing the same way;
 * the renderer embeds every font it uses and never asks for them.)
 */
function copyPdfkitData() {
  const pdfkitDir = path.dirname(createRequire(import.meta.url).resolve('pdfkit'));
  return {
    name: 'copy-pdfkit-data',
    writeBundle() {
      mkdirSync(path.join(OUT_DIR, 'data'), { recursive: true });
      copyFileSync(path.join(pdfkitDir, 'data/sRGB_IEC61966_2_1.icc'), path.join(OUT_DIR, 'data/sRGB_IEC61966_2_1.icc'));
    },
  };
}

/**
 * The bundle's SHA-256 beside it (banmian.cjs.sha256): the code cache is keyed by it, since V8
 * knows a cached script's source only by its length, and npm gives installed files one fixed time.
 */
function writeBundleDigest() {
  return {
    name: 'write-bundle-digest',
    writeBundle() {
      const bundle = path.join(OUT_DIR, 'banmian.cjs');
      writeFileSync(`${bundle}.sha256`, `${createHash('sha256').update(readFileSync(bundle)).digest('hex')}\n`);
    },
  };
}

/**
 * tiny-inflate, which fontkit's Unicode tables go through as fontkit loads, replaced by
 * src/fonts/native-inflate.ts (zlib). unicode-trie `require`s it and calls the export itself.
 */
function nativeInflate() {
  const replacement = path.resolve('dist/fonts/native-inflate.js');
  return {
    name: 'native-inflate',
    resolveId: (id) => (id === 'tiny-inflate' ? '\0native-inflate' : null),
    load: (id) => (id === '\0native-inflate' ? `module.exports = require(${JSON.stringify(replacement)}).default;` : null),
  };
}

export default defineConfig({
  input: `${OUT_DIR}/main.js`,
  platform: 'node',
  external: ['sharp', 'piscina', 'pdf-parse', /^node:/],
  plugins: [nativeInflate(), copyPdfkitData(), writeBundleDigest()],
  logLevel: 'warn',
  output: {
    file: `${OUT_DIR}/banmian.cjs`,
    format: 'cjs',
    // Our code and most of the bundled packages are ES modules, which are strict.
    strict: true,
    codeSplitting: false,
    dynamicImportInCjs: false,
  },
});
