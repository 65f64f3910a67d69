/**
 * Warm runs inside one process: `node bench/warm.mjs banmian|typst OUTDIR FILE…`. The first file is
 * the warm-up (fonts loaded, code compiled); every file is a different edition, so no run can reuse
 * an earlier page. Prints one JSON line per file and a last line with the process's peak RSS.
 *  - banmian: the library's buildIssue (print profile), PDF written;
 *  - typst: one NodeCompiler reused; its memoisation cache is evicted completely (evictCache(0))
 *    before every run, so only the compiler itself and its parsed fonts carry over; PDF written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [engine, outDir, ...files] = process.argv.slice(2);
if (!engine || !outDir || files.length === 0) throw new Error('usage: warm.mjs banmian|typst OUTDIR FILE…');

let build;
if (engine === 'banmian') {
  const { buildIssue } = await import('../dist/pipeline.js');
  build = async (file, out) => {
    const report = await buildIssue(file, { output: out, profile: 'print' });
    return { pages: report.pages, bytes: report.bytes, layoutMs: report.timingsMs.layout, renderMs: report.timingsMs.render };
  };
} else if (engine === 'typst') {
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const { typstFontDirs } = await import('./fonts.mjs');
  const compiler = NodeCompiler.create({ workspace: path.dirname(path.resolve(files[0])), fontArgs: [{ fontPaths: typstFontDirs() }] });
  build = async (file, out) => {
    compiler.evictCache(0);
    const result = compiler.compile({ mainFileContent: readFileSync(file, 'utf8') });
    if (result.hasError()) {
      result.printErrors();
      throw new Error(`typst failed on ${file}`);
    }
    const pdf = compiler.pdf(result.result);
    writeFileSync(out, pdf);
    return { pages: result.result.numOfPages, bytes: pdf.length };
  };
} else {
  throw new Error(`unknown engine ${engine}`);
}

for (const [i, file] of files.entries()) {
  const out = path.join(outDir, `warm-${engine}-${i}.pdf`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await build(file, out);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(`${JSON.stringify({ run: i, warmup: i === 0, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, ...r })}\n`);
}
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
