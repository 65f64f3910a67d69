/**
 * Composition alone: whole body paragraphs of generated editions through normalizeText →
 * composeParagraph (items, line breaking, justification) at the tabloid's column measure
 * (15 字 of 9 pt Noto Serif SC, 2-em indent, GB kinsoku). The font is loaded and one edition is
 * composed first (WARMUP passes); then each pass composes a different edition.
 * Usage: node bench/compose.mjs PASSES SEED [WARMUP] — prints one JSON line per pass.
 */
import { fontKey, loadFontFace } from '../dist/fonts/registry.js';
import { BODY_DEFAULTS, composeParagraph } from '../dist/text/compose.js';
import { normalizeText } from '../dist/text/normalize.js';
import { joinSoftBreaks } from '../dist/text/segment.js';
import { makeEdition } from './edition.mjs';

const passes = Number(process.argv[2] ?? 5);
const warmup = Number(process.argv[4] ?? 1);
const seed = Number(process.argv[3] ?? 1);
const settings = { ...BODY_DEFAULTS, face: loadFontFace(fontKey('Noto Serif SC', 400)), sizePt: 9, measurePt: 15 * 9 };

function paragraphsOf(edition) {
  return edition.pages.flatMap((p) =>
    p.articles.flatMap((a) => a.paragraphs.filter((t) => !t.startsWith('## ')).map((t) => joinSoftBreaks(t.split('\n').map((l) => l.trim())))),
  );
}

for (let pass = 0; pass < warmup + passes; pass += 1) {
  const paragraphs = paragraphsOf(makeEdition(seed + pass, 16));
  let chars = 0;
  let lines = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const texts = paragraphs.map((source) => normalizeText(source));
  const t1 = performance.now();
  for (const text of texts) {
    chars += text.length;
    lines += composeParagraph(text, settings).lines.length;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const normalizeMs = t1 - t0;
  process.stdout.write(`${JSON.stringify({ pass, warmup: pass < warmup, paragraphs: paragraphs.length, chars, lines, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, normalizeMs, composeMs: wallMs - normalizeMs })}\n`);
}
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
