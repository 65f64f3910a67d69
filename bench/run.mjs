/**
 * `npm run bench`: banmian against Typst on a generated 16-page, 5-column edition (issue 7).
 *
 *   node bench/run.mjs [--runs N] [--warmup N] [--batch N] [--no-batch] [--seed S] [--profile DIR] [--json FILE]
 *
 * Cases (medians of --runs runs after --warmup warm-up runs; every run a new edition):
 *  - cold: whole processes, interleaved run by run so that load on a shared machine hits all alike:
 *    `node dist/cli/launch.js build` (the `banmian` command, print profile), Typst through @myriaddreamin/typst-ts-node-compiler,
 *    and two baselines: `node -e 0` and `node -e "import('pdfkit')"`;
 *  - warm: one process per engine, a fresh edition per run (banmian: buildIssue; Typst: one
 *    reused NodeCompiler, its memo cache evicted before every run);
 *  - composition alone: normalizeText → composeParagraph at the column measure;
 *  - batch: 100 one-page back issues on 2 workers (`banmian batch` when the CLI has it).
 * CPU and peak RSS of child processes come from bench/rusage.mjs, preloaded into each. Children get
 * BANMIAN_CACHE_DIR in the bench's temp folder, and every edition with photos is built once,
 * untimed, before its timed build: the timed builds find each photo prepared at its placed size
 * (each edition places the photos at other sizes), and no cache from an earlier bench is reused.
 * The same folder holds the CLI's code cache (`code/`), written by the warm-up build: the cold
 * rows measure a desk's next process, which has it too.
 * Figures, method and hotspots: docs/performance.md.
 * --profile DIR: after the timed runs, one cold build and one warm series again under
 * `node --cpu-prof`, summarised (self time) into DIR/hotspots.txt.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatHotspots, hotspots } from './hotspots.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, '..');
const CLI = path.join(ROOT, 'dist/cli/launch.js');
const RUSAGE = path.join(HERE, 'rusage.mjs');

const args = parseArgs(process.argv.slice(2));
const RUNS = Number(args.runs ?? 5);
const WARMUP = Number(args.warmup ?? 1);
const BATCH = args['no-batch'] ? 0 : Number(args.batch ?? 100);
const SEED = Number(args.seed ?? (Date.now() % 100000));
const PAGES = 16;

if (!existsSync(CLI)) {
  console.error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
  process.exit(2);
}
// edition.mjs imports the text normaliser from dist/, so it is loaded after the check.
const { makeEdition, preparePhotos, writeEdition } = await import('./edition.mjs');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'banmian-bench-'));
process.on('exit', () => {
  if (!args.keep) rmSync(tmp, { recursive: true, force: true });
});
preparePhotos(tmp);
log(`bench: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
log(`bench: seed ${SEED}, ${RUNS} runs after ${WARMUP} warm-up, temp ${tmp}`);

// ---------------------------------------------------------------------------------------------
// Editions: one per run and case, all different.
let nextSeed = SEED;
function freshEdition(name, options = {}) {
  const edition = makeEdition(nextSeed++, PAGES, options);
  return writeEdition(tmp, name, edition);
}

// ---------------------------------------------------------------------------------------------
// Child processes
function run(cmd, argv, options = {}) {
  const usageFile = path.join(tmp, `rusage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  // Prepared photos are cached in the bench's own folder (filled by primePhotos), so the timed
  // runs build with photos cached (as a desk rebuilding its edition does) and nothing stale is reused.
  const env = { ...process.env, BENCH_RUSAGE: usageFile, BANMIAN_CACHE_DIR: path.join(tmp, 'cache') };
  const nodeArgs = ['--import', RUSAGE, ...(options.nodeArgs ?? [])];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd === 'node' ? process.execPath : cmd, cmd === 'node' ? [...nodeArgs, ...argv] : argv, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited ${code}\n${stderr}${stdout}`));
      const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : {};
      rmSync(usageFile, { force: true });
      resolve({ wallMs, cpuMs: usage.cpuMs, maxRssKb: usage.maxRssKb, stdout, stderr });
    });
  });
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Builds editions once, untimed, so that the photo cache holds every photo at the size these
 * editions place it: a timed build then measures a rebuild with its photos prepared, not sharp.
 */
async function primePhotos(editions) {
  for (const e of editions) await run('node', [CLI, 'build', e.yaml, '-o', path.join(tmp, 'prime.pdf'), '--profile', 'print']);
}

const rows = [];
function addRow(name, samples, extra = {}) {
  const row = {
    name,
    n: samples.length,
    wallMs: median(samples.map((s) => s.wallMs)),
    wallMin: Math.min(...samples.map((s) => s.wallMs)),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssMb: Math.max(...samples.map((s) => (s.maxRssKb ?? NaN) / 1024)),
    pages: extra.pages,
    chars: extra.chars,
    bytes: median(samples.map((s) => s.bytes)),
    note: extra.note ?? '',
  };
  rows.push(row);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Cold
log('cold: banmian build, typst, node baselines (interleaved)…');
const cold = { banmian: [], typst: [], pdfkit: [], node: [], textOnly: [] };
let coldChars = 0;
for (let i = 0; i < WARMUP + RUNS; i += 1) {
  const e = freshEdition(`cold-${i}`);
  await primePhotos([e]);
  const pdfB = path.join(tmp, `cold-banmian-${i}.pdf`);
  const pdfT = path.join(tmp, `cold-typst-${i}.pdf`);
  const b = await run('node', [CLI, 'build', e.yaml, '-o', pdfB, '--profile', 'print']);
  b.bytes = statSync(pdfB).size;
  const t = await run('node', [path.join(HERE, 'typst-build.mjs'), e.typ, pdfT]);
  t.bytes = statSync(pdfT).size;
  const typstPages = JSON.parse(t.stdout.trim().split('\n').pop()).pages;
  if (typstPages !== e.pages) log(`  note: typst set edition ${i} on ${typstPages} pages (banmian ${e.pages})`);
  const textOnly = freshEdition(`cold-text-${i}`, { photos: false });
  const pdfX = path.join(tmp, `cold-text-${i}.pdf`);
  const x = await run('node', [CLI, 'build', textOnly.yaml, '-o', pdfX, '--profile', 'print']);
  x.bytes = statSync(pdfX).size;
  const p = await run('node', ['-e', "import('pdfkit')"]);
  const n = await run('node', ['-e', '0']);
  if (i >= WARMUP) {
    cold.banmian.push(b);
    cold.typst.push(t);
    cold.pdfkit.push(p);
    cold.node.push(n);
    cold.textOnly.push(x);
    coldChars = e.chars;
  }
  log(`  run ${i}${i < WARMUP ? ' (warm-up)' : ''}: banmian ${fmt(b.wallMs)} ms (cpu ${fmt(b.cpuMs)}), without photos ${fmt(x.wallMs)} ms (cpu ${fmt(x.cpuMs)}), typst ${fmt(t.wallMs)} ms (cpu ${fmt(t.cpuMs)}), pdfkit import ${fmt(p.wallMs)} ms, node ${fmt(n.wallMs)} ms; ${e.chars} chars`);
}
const coldB = addRow('cold  banmian build (print)', cold.banmian, { pages: PAGES, chars: coldChars });
const coldT = addRow('cold  typst compile + pdf', cold.typst, { pages: PAGES, chars: coldChars });
addRow('cold  banmian build, no photos', cold.textOnly, { pages: PAGES, chars: coldChars, note: 'same text, photos left out' });
addRow('cold  node -e "import(\'pdfkit\')"', cold.pdfkit, { note: 'baseline' });
addRow('cold  node -e 0', cold.node, { note: 'baseline' });

// ---------------------------------------------------------------------------------------------
// Warm
async function warm(engine, options = {}, round = 0) {
  const editions = Array.from({ length: WARMUP + RUNS }, (_, i) => freshEdition(`warm-${engine}-${options.photos === false ? 'text-' : ''}${round}-${i}`, options));
  if (engine === 'banmian' && options.photos !== false) await primePhotos(editions);
  const files = editions.map((e) => (engine === 'banmian' ? e.yaml : e.typ));
  const r = await run('node', [path.join(HERE, 'warm.mjs'), engine, tmp, ...files]);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const maxRssKb = lines.pop().maxRssKb;
  const runs = lines.slice(WARMUP).map((l) => ({ ...l, maxRssKb }));
  for (const l of lines) log(`  ${engine} run ${l.run}${l.warmup ? ' (warm-up)' : ''}: ${fmt(l.wallMs)} ms (cpu ${fmt(l.cpuMs)}), ${l.pages} pages${l.layoutMs !== undefined ? `; layout ${l.layoutMs} ms, render ${l.renderMs} ms` : ''}`);
  return { runs, chars: median(editions.map((e) => e.chars)) };
}
log('warm: banmian buildIssue, typst reused compiler…');
// Two rounds, alternating the engines, so that a slow spell of a shared machine falls on both.
const WARM_ROUNDS = 2;
const rounds = { banmian: [], typst: [] };
for (let round = 0; round < WARM_ROUNDS; round += 1) {
  for (const engine of ['banmian', 'typst']) rounds[engine].push(await warm(engine, {}, round));
}
const pooled = (series) => ({ runs: series.flatMap((s) => s.runs), chars: median(series.map((s) => s.chars)) });
const warmBanmian = pooled(rounds.banmian);
const warmTypst = pooled(rounds.typst);
const stages = (runs) => `layout ${fmt(median(runs.map((r) => r.layoutMs)))} ms, render ${fmt(median(runs.map((r) => r.renderMs)))} ms`;
const warmB = addRow('warm  banmian buildIssue', warmBanmian.runs, { pages: PAGES, chars: warmBanmian.chars, note: stages(warmBanmian.runs) });
const warmT = addRow('warm  typst compile + pdf, evicted', warmTypst.runs, { pages: PAGES, chars: warmTypst.chars });
const warmText = await warm('banmian', { photos: false });
addRow('warm  banmian buildIssue, no photos', warmText.runs, { pages: PAGES, chars: warmText.chars, note: `photos left out; ${stages(warmText.runs)}` });

// ---------------------------------------------------------------------------------------------
// Composition
log('composition: normalizeText → composeParagraph…');
{
  // A pass takes tens of milliseconds: more passes than the other cases, so that one GC pause or
  // a busy neighbour does not move the median, and a few warm-up passes for the JIT to settle.
  const passes = Math.max(RUNS, 20);
  const warmup = Math.max(WARMUP, 3);
  const r = await run('node', [path.join(HERE, 'compose.mjs'), String(passes), String(nextSeed), String(warmup)]);
  nextSeed += passes + warmup;
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const maxRssKb = lines.pop().maxRssKb;
  const timed = lines.filter((l) => !l.warmup).map((l) => ({ ...l, maxRssKb }));
  const row = addRow('compose  body paragraphs, 15 字 measure', timed, { chars: median(timed.map((p) => p.chars)), note: `${median(timed.map((p) => p.lines))} lines/pass` });
  row.charsPerSecCpu = (row.chars / row.cpuMs) * 1000;
}

// ---------------------------------------------------------------------------------------------
// Batch
let batchNote = '';
if (BATCH > 0) {
  log(`batch: ${BATCH} one-page back issues…`);
  const dir = path.join(tmp, 'batch');
  mkdirSync(dir, { recursive: true });
  preparePhotos(dir);
  const manifests = [];
  let chars = 0;
  for (let i = 0; i < BATCH; i += 1) {
    const e = makeEdition(nextSeed++, 1, { firstPage: i });
    chars += e.chars;
    manifests.push(writeEdition(dir, `back-${String(i).padStart(3, '0')}`, e).yaml);
  }
  const outDir = path.join(dir, 'out');
  const help = spawnSync(process.execPath, [CLI, 'batch', '--help'], { encoding: 'utf8' });
  let sample;
  if (help.status === 0) {
    const flags = [];
    if (/--jobs\b/.test(help.stdout)) flags.push('--jobs', '2');
    if (/--force\b/.test(help.stdout)) flags.push('--force');
    if (/--profile\b/.test(help.stdout)) flags.push('--profile', 'print');
    sample = await run('node', [CLI, 'batch', ...manifests, '-o', outDir, ...flags]);
    batchNote = `banmian batch ${flags.join(' ')}`;
  } else {
    // No `batch` command yet: two build processes, half the issues each.
    const half = Math.ceil(manifests.length / 2);
    const t0 = performance.now();
    const parts = await Promise.all([manifests.slice(0, half), manifests.slice(half)].map((m) => run('node', [CLI, 'build', ...m, '-o', `${outDir}/`])));
    sample = { wallMs: performance.now() - t0, cpuMs: parts.reduce((s, p) => s + p.cpuMs, 0), maxRssKb: Math.max(...parts.map((p) => p.maxRssKb)) };
    batchNote = '2 × banmian build (no batch command)';
  }
  const pdfs = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.pdf')) : [];
  sample.bytes = pdfs.reduce((s, f) => s + statSync(path.join(outDir, f)).size, 0);
  if (pdfs.length !== BATCH) log(`  note: ${pdfs.length} of ${BATCH} PDFs written`);
  addRow(`batch  ${BATCH} one-page issues, 2 workers`, [sample], { pages: BATCH, chars, note: batchNote });
  log(`  ${fmt(sample.wallMs)} ms (cpu ${fmt(sample.cpuMs)}): ${batchNote}`);
}

// ---------------------------------------------------------------------------------------------
// Profiles
if (args.profile) {
  const dir = path.resolve(String(args.profile));
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.cpuprofile')) rmSync(path.join(dir, f));
  log(`profiles → ${dir}`);
  const e = freshEdition('profile-cold');
  await run('node', [CLI, 'build', e.yaml, '-o', path.join(tmp, 'profile-cold.pdf')], { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.join(dir, 'cold'), '--cpu-prof-name', 'cold.cpuprofile'] });
  const t = freshEdition('profile-cold-text', { photos: false });
  await run('node', [CLI, 'build', t.yaml, '-o', path.join(tmp, 'profile-cold-text.pdf')], { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.join(dir, 'cold-text'), '--cpu-prof-name', 'cold-text.cpuprofile'] });
  const warmFiles = Array.from({ length: 1 + RUNS }, (_, i) => freshEdition(`profile-warm-${i}`).yaml);
  await run('node', [path.join(HERE, 'warm.mjs'), 'banmian', tmp, ...warmFiles], { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.join(dir, 'warm'), '--cpu-prof-name', 'warm.cpuprofile'] });
  await run('node', [path.join(HERE, 'compose.mjs'), String(RUNS), String(nextSeed)], { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', path.join(dir, 'compose'), '--cpu-prof-name', 'compose.cpuprofile'] });
  const labels = {
    cold: 'one cold build',
    'cold-text': 'one cold build of an edition without photos',
    warm: `warm-up + ${RUNS} editions in one process`,
    compose: `warm-up + ${RUNS} composition passes`,
  };
  const report = Object.entries(labels).map(([k, label]) => formatHotspots(hotspots(path.join(dir, k, `${k}.cpuprofile`), 30), `${k} (${label})`)).join('\n\n');
  const legend = '(idle) is the main thread waiting: for sharp/libvips, whose threads the V8 profiler does not sample, or for the OS.';
  writeFileSync(path.join(dir, 'hotspots.txt'), `${legend}\n\n${report}\n`);
  log(`  summary in ${path.join(dir, 'hotspots.txt')}`);
}

// ---------------------------------------------------------------------------------------------
// Report
const header = ['case', 'runs', 'wall ms', 'min ms', 'CPU ms', 'peak RSS MB', 'pages/s', 'chars/s', 'output', 'note'];
const table = rows.map((r) => [
  r.name,
  String(r.n),
  fmt(r.wallMs),
  fmt(r.wallMin),
  fmt(r.cpuMs),
  Number.isFinite(r.rssMb) ? r.rssMb.toFixed(0) : '',
  r.pages ? ((r.pages / r.wallMs) * 1000).toFixed(1) : '',
  r.chars ? si((r.chars / r.wallMs) * 1000) + (r.charsPerSecCpu ? ` (cpu ${si(r.charsPerSecCpu)})` : '') : '',
  Number.isFinite(r.bytes) && r.bytes > 0 ? `${(r.bytes / 2 ** 20).toFixed(2)} MB` : '',
  r.note,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
console.log('');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
console.log('');
const pdfkitRow = rows.find((r) => r.name.includes('pdfkit'));
console.log(`edition: ${PAGES} pages × 5 columns, ${coldChars} characters; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`cold CPU: banmian ${fmt(coldB.cpuMs)} ms, typst ${fmt(coldT.cpuMs)} ms, ratio ${(coldB.cpuMs / coldT.cpuMs).toFixed(2)}; banmian minus the pdfkit-import baseline: ${fmt(coldB.wallMs - pdfkitRow.wallMs)} ms wall`);
console.log(`warm CPU: banmian ${fmt(warmB.cpuMs)} ms, typst ${fmt(warmT.cpuMs)} ms, ratio ${(warmB.cpuMs / warmT.cpuMs).toFixed(2)}`);
if (args.json) writeFileSync(String(args.json), `${JSON.stringify({ seed: SEED, runs: RUNS, rows }, null, 2)}\n`);
console.log(`edition16 cold: banmian ${fmt(coldB.wallMs)} ms, typst ${fmt(coldT.wallMs)} ms, ratio ${(coldB.wallMs / coldT.wallMs).toFixed(2)}`);
console.log(`edition16 warm: banmian ${fmt(warmB.wallMs)} ms, typst ${fmt(warmT.wallMs)} ms, ratio ${(warmB.wallMs / warmT.wallMs).toFixed(2)}`);

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const key = a.slice(2);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key] = true;
    else {
      out[key] = next;
      i += 1;
    }
  }
  return out;
}
function fmt(ms) {
  return Number.isFinite(ms) ? Math.round(ms).toString() : '–';
}
function si(n) {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0);
}
function log(message) {
  process.stderr.write(`${message}\n`);
}
