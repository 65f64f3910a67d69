/**
 * One cold Typst build as its own process (the benchmark's baseline): start the compiler with the
 * Noto TTFs of the tabloid's styles, compile `<file>.typ` and write `<out>.pdf`.
 * Usage: node bench/typst-build.mjs FILE.typ OUT.pdf
 */
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { typstFontDirs } from './fonts.mjs';

const [file, out] = process.argv.slice(2);
if (!file || !out) throw new Error('usage: typst-build.mjs FILE.typ OUT.pdf');
const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(file)), fontArgs: [{ fontPaths: typstFontDirs() }] });
const result = compiler.compile({ mainFileContent: readFileSync(file, 'utf8') });
if (result.hasError()) {
  result.printErrors();
  process.exit(1);
}
const pdf = compiler.pdf(result.result);
writeFileSync(out, pdf);
process.stdout.write(`${JSON.stringify({ pages: result.result.numOfPages, bytes: pdf.length })}\n`);
