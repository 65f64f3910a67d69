/**
 * What start-up costs: each module the CLI pulls in at start-up, imported alone in a fresh process
 * (import time measured inside that process, best of --reps), and the whole `banmian --help`.
 * Usage: node bench/startup.mjs [--reps N]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const repsAt = process.argv.indexOf('--reps');
const reps = repsAt >= 0 ? Number(process.argv[repsAt + 1]) || 5 : 5;
const MODULES = [
  'commander', 'yaml', 'zod', 'fontkit', 'pdfkit', 'sharp', 'pdf-lib', 'pdf-parse', 'piscina', 'chokidar', 'cli-progress',
  './dist/manifest/load.js', './dist/layout/pages.js', './dist/render/pdf.js', './dist/pipeline.js', './dist/cli/main.js', './dist/cli/banmian.cjs',
];

function importMs(spec) {
  const code = `const t = performance.now(); process.argv.splice(2, 0, '--help'); await import(${JSON.stringify(spec.startsWith('.') ? path.join(ROOT, spec) : spec)}); process.stderr.write(String(performance.now() - t));`;
  const times = [];
  for (let i = 0; i < reps; i += 1) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });
    const t = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(t)) times.push(t);
  }
  return Math.min(...times);
}

function processMs(args) {
  const times = [];
  for (let i = 0; i < reps; i += 1) {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

console.log(`import time in a fresh process, best of ${reps} (ms; a module's time includes what it imports):`);
for (const m of MODULES) console.log(`  ${importMs(m).toFixed(0).padStart(6)}  ${m}`);
console.log(`whole process, best of ${reps} (ms):`);
console.log(`  ${processMs(['-e', '0']).toFixed(0).padStart(6)}  node -e 0`);
console.log(`  ${processMs(['dist/cli/launch.js', '--help']).toFixed(0).padStart(6)}  banmian --help`);
