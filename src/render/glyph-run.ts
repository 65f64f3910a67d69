/**
 * Draws a GlyphRun with pdfkit: the only module that touches pdfkit's font internals (0.20.2).
 *
 * pdfkit's own `text()` reshapes the string, which would undo our layout (kerning, `——` fwid,
 * letter-spacing, justification). So we write the glyph ids ourselves, but register each glyph in
 * pdfkit's EmbeddedFont exactly as its `encode()` does (subset.includeGlyph → subset gid,
 * `unicode[gid]` for the ToUnicode CMap, `widths[gid]` for /W). pdfkit embeds the font at
 * `doc.end()`, encoding the subset we put in place of fontkit's: our TrueType copier
 * (src/fonts/subset.ts), or fontkit's own for a font it cannot copy. Internals used: `doc._font`
 * (EmbeddedFont: id, font, subset (replaced), unicode, widths, scale, ref()),
 * `doc._registeredFonts`, `doc.page.fonts` (page /Font resources).
 */
/// <reference types="pdfkit" />
import type { Font } from 'fontkit';
import type { GlyphRun, PositionedGlyph } from '../layout/frames.js';
import { fontkitFont, glyphAdvances, newSubset } from '../fonts/registry.js';

/** The parts of pdfkit's EmbeddedFont we rely on (see class EmbeddedFont in pdfkit.js). */
interface EmbeddedFontInternals {
  readonly id: string;
  readonly font: Font;
  /** fontkit's subset until selectFont puts ours in its place (before any glyph is included) */
  subset: { includeGlyph(glyphId: number): number; encode(): Uint8Array };
  readonly unicode: (readonly number[])[];
  readonly widths: (number | undefined)[];
  /** 1000 / unitsPerEm */
  readonly scale: number;
  ref(): unknown;
}

interface DocumentInternals {
  _font: EmbeddedFontInternals | null;
  _registeredFonts: Record<string, unknown>;
  page: { fonts: Record<string, unknown> };
  registerFont(name: string, src: unknown): unknown;
  font(name: string): unknown;
  /** a string gets a newline and is converted per character; bytes are written as they are */
  addContent(data: string | Uint8Array): unknown;
}

/** Draws one run at its exact glyph positions as a single `TJ`. The caller sets the fill colour. */
export function drawGlyphRun(doc: PDFKit.PDFDocument, run: GlyphRun): void {
  const { glyphs } = run;
  const first = glyphs[0];
  if (!first) return;
  const internals = doc as unknown as DocumentInternals;
  const font = selectFont(internals, run.fontKey);
  const advances = glyphAdvances(run.fontKey);

  // The TJ array `<hex> adj <hex> …`: between two glyphs, adj = (width in /W − distance to the
  // next glyph) in 1/1000 em. We use the width pdfkit writes to /W (the hmtx advance), not
  // `advancePt`, because that is what a viewer advances by; kerned advances therefore land
  // exactly on the layout's x. A justified line repeats one adjustment: it is formatted once.
  const parts: string[] = [];
  let pending = '';
  let lastAdjustment = 0;
  let lastAdjustmentText = '';
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i] as PositionedGlyph;
    // Register the glyph as EmbeddedFont.encode() would; first registration wins, like pdfkit.
    const gid = font.subset.includeGlyph(glyph.id);
    let width = font.widths[gid];
    if (width == null) {
      width = advances(glyph.id) * font.scale;
      font.widths[gid] = width;
    }
    if (font.unicode[gid] == null) {
      font.unicode[gid] = Array.from(glyph.text, (ch) => ch.codePointAt(0) ?? 0);
    }
    pending += hex4(gid);
    const next = glyphs[i + 1];
    if (!next) break;
    const adjustment = round3(width - ((next.x - glyph.x) * 1000) / run.sizePt);
    if (adjustment !== 0) {
      if (adjustment !== lastAdjustment) {
        lastAdjustment = adjustment;
        lastAdjustmentText = num(adjustment);
      }
      parts.push(`<${pending}>`, lastAdjustmentText);
      pending = '';
    }
  }
  if (pending) parts.push(`<${pending}>`);
  const x = run.x + first.x;

  // pdfkit's page CTM flips y (top-left origin). Flip back locally, as pdfkit's `_fragment` does,
  // but relative to the current CTM so callers may translate (print pages offset by bleed + slug).
  // The flip sits between q and Q, so pdfkit's own record of the CTM stays right without it.
  // One write per run, converted natively (pdfkit converts each string it is given per character).
  if (internals.page.fonts[font.id] == null) internals.page.fonts[font.id] = font.ref();
  const operators = ['q', '1 0 0 -1 0 0 cm', 'BT', `/${font.id} ${num(run.sizePt)} Tf`, `1 0 0 1 ${num(x)} ${num(-run.baseline)} Tm`, `[${parts.join(' ')}] TJ`, 'ET', 'Q', ''];
  internals.addContent(Buffer.from(operators.join('\n'), 'latin1'));
}

/** Four hex digits per subset glyph id (Identity-H: two bytes a glyph), made once per id. */
const HEX4: string[] = [];
function hex4(gid: number): string {
  return (HEX4[gid] ??= gid.toString(16).padStart(4, '0'));
}

/** EmbeddedFonts whose subset is already ours. */
const ownSubsets = new WeakSet<EmbeddedFontInternals>();

/**
 * Selects the registry font in pdfkit, registered under its key so pdfkit caches one
 * EmbeddedFont; on first use its subset becomes our TrueType copier (src/fonts/subset.ts), which
 * pdfkit then encodes at `doc.end()` like fontkit's.
 */
function selectFont(doc: DocumentInternals, key: string): EmbeddedFontInternals {
  const parsed = fontkitFont(key);
  if (doc._registeredFonts[key] == null) doc.registerFont(key, parsed);
  doc.font(key);
  const font = doc._font;
  // Guards against a pdfkit upgrade that changes these internals: we must write into the very
  // EmbeddedFont that wraps our parsed font, or the subset would lack our glyphs.
  if (!font || font.font !== parsed || typeof font.subset?.includeGlyph !== 'function' || !Array.isArray(font.unicode)) {
    throw new Error(`pdfkit internals changed: cannot embed ${key} (see src/render/glyph-run.ts)`);
  }
  if (!ownSubsets.has(font)) {
    const subset = newSubset(key);
    if (subset) font.subset = subset;
    ownSubsets.add(font);
  }
  return font;
}

function round3(n: number): number {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? 0 : r; // no "-0"
}

/** PDF number: at most 3 decimals (1/1000 pt, the project's rounding policy), no exponent. */
function num(n: number): string {
  return String(round3(n));
}
