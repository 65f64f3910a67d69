/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per file.
 * Usage: node bench/hotspots.mjs FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './edition.mjs';

export function hotspots(file, top = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  // timeDeltas[i] is the time before samples[i]: attribute it to that sample's node.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const us of self.values()) total += us;
  const fn = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id);
    const where = shortUrl(f.url);
    const name = `${f.functionName || '(anonymous)'} ${where ? `${where}:${f.lineNumber + 1}` : ''}`.trim();
    fn.set(name, (fn.get(name) ?? 0) + us);
    const group = where ? groupOf(where) : f.functionName || '(native)';
    files.set(group, (files.get(group) ?? 0) + us);
  }
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / total }));
  return { totalMs: total / 1000, functions: rank(fn), files: rank(files) };
}

function shortUrl(url) {
  if (!url) return '';
  const p = url.startsWith('file://') ? new URL(url).pathname : url;
  return p.startsWith(ROOT) ? path.relative(ROOT, p) : p;
}

/** dist/… files stay whole; node_modules collapse to their package; node internals to `node:`. */
function groupOf(where) {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where);
  if (nm) return `npm:${nm[1]}`;
  if (where.startsWith('node:')) return 'node: internals';
  return where;
}

export function formatHotspots(h, label) {
  const lines = [`${label}: ${h.totalMs.toFixed(0)} ms sampled`, '  self time by function:'];
  for (const r of h.functions) lines.push(`    ${r.pct.toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(6)} ms  ${r.name}`);
  lines.push('  self time by file / package:');
  for (const r of h.files) lines.push(`    ${r.pct.toFixed(1).padStart(5)} %  ${r.ms.toFixed(0).padStart(6)} ms  ${r.name}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  process.stdout.write(`${formatHotspots(hotspots(file, Number(top ?? 25)), path.basename(file))}\n`);
}
