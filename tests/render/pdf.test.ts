import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFParse } from 'pdf-parse';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontKey, loadFontFace } from '../../src/fonts/registry.js';
import type { GlyphRun, IssueFrames, PositionedGlyph } from '../../src/layout/frames.js';
import { renderPdf } from '../../src/render/pdf.js';
import { mmToPt } from '../../src/units.js';

// ---- a small issue built by hand with the real fonts ------------------------------------------

/** Clusters as the composer would make them: `——`, Latin/digit words, single characters. */
function clusters(text: string): string[] {
  return text.match(/——|[A-Za-z0-9.%-]+|[\s\S]/gu) ?? [];
}

/** A line with explicit glyph positions: natural advances plus `spacingPt` after every cluster. */
function line(key: string, text: string, sizePt: number, x: number, baseline: number, spacingPt = 0): GlyphRun {
  const face = loadFontFace(key);
  const glyphs: PositionedGlyph[] = [];
  let pen = 0;
  for (const cluster of clusters(text)) {
    for (const g of face.shape(cluster).glyphs) {
      glyphs.push({ id: g.id, x: pen, advancePt: g.advanceEm * sizePt, text: g.text });
      pen += g.advanceEm * sizePt;
    }
    pen += spacingPt;
  }
  return { kind: 'glyphs', fontKey: key, sizePt, x, baseline, glyphs, role: 'body' };
}

const SERIF = fontKey('Noto Serif SC', 400);
const SANS_BOLD = fontKey('Noto Sans SC', 700);
const SANS = fontKey('Noto Sans SC', 400);

/** The page's slug label as layout sets it: one run from the origin. */
const slug = (page: number): GlyphRun => ({ ...line(SANS, `晨报\u3000第1024期\u30002025-03-01\u3000第${page}版`, 6, 0, 0), role: 'slug' });

const PAGE1 = [
  { key: SANS_BOLD, text: '新冠疫苗接种率达38.5%', size: 24, spacing: 0 },
  { key: SERIF, text: '本报讯（记者 王小明）“我们已经做好准备。”', size: 10, spacing: 0.5 },
  { key: SERIF, text: '——引自《人民日报》，COVID-19专题。', size: 10, spacing: 0 },
  { key: SERIF, text: '疏排测试：字距加宽', size: 10, spacing: 4 },
];
const PAGE2 = [{ key: SERIF, text: '第二版：AVATAR与fi连字，2025年。', size: 10, spacing: 1 }];

let dir: string;
let photo: string;

function issue(lines1 = PAGE1, photoFile = photo): IssueFrames {
  return {
    title: '晨报 2025年3月1日',
    publication: '晨报',
    issueLabel: '第1024期',
    date: '2025-03-01',
    bleedMm: 3,
    pages: [
      {
        number: 1,
        widthPt: 400,
        heightPt: 560,
        items: [
          ...lines1.map((l, i) => line(l.key, l.text, l.size, 30, 60 + i * 30, l.spacing)),
          { kind: 'rule', x1: 30, y1: 180, x2: 370, y2: 180, widthPt: 0.5 },
          { kind: 'image', file: photoFile, article: 'a', x: 30, y: 200, width: 200, height: 150, pixelWidth: 800, pixelHeight: 600 },
        ],
        bookmarks: [],
        slug: [slug(1)],
      },
      {
        number: 2,
        widthPt: 400,
        heightPt: 560,
        items: PAGE2.map((l, i) => line(l.key, l.text, l.size, 30, 60 + i * 30, l.spacing)),
        bookmarks: [],
        slug: [slug(2)],
      },
    ],
  };
}

// ---- reading the PDF back without poppler ------------------------------------------------------

const latin1 = (pdf: Buffer): string => pdf.toString('latin1');

async function pageTexts(pdf: Buffer): Promise<string[]> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    // pdf.js inserts spaces where letter-spacing is wide: compare without whitespace
    return result.pages.map((p) => p.text.replace(/\s+/g, ''));
  } finally {
    await parser.destroy();
  }
}

function boxes(pdf: Buffer, name: string): number[][] {
  return [...latin1(pdf).matchAll(new RegExp(`/${name} \\[([^\\]]+)\\]`, 'g'))].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number));
}

/** The inflated content of every Flate stream (pdfkit writes dictionaries uncompressed). */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = latin1(pdf);
  for (const m of raw.matchAll(/\/Filter \/FlateDecode[^]*?>>\nstream\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = raw.indexOf('\nendstream', start);
    out.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
  }
  return out;
}

/** /W widths per pdfkit font id (F1, F2 …): the subset tag's first letter is the id digit + 17. */
function fontWidths(pdf: Buffer): Map<string, number[]> {
  const result = new Map<string, number[]>();
  for (const obj of latin1(pdf).split('endobj')) {
    const m = /\/Subtype \/CIDFontType2\n\/BaseFont \/([A-Z])ZZZZZ\+[^]*?\/W \[0 \[([^\]]*)\]\]/.exec(obj);
    if (m?.[1] && m[2] !== undefined) result.set(`F${String.fromCharCode(m[1].charCodeAt(0) - 17)}`, m[2].trim().split(/\s+/).map(Number));
  }
  return result;
}

interface DrawnRun {
  font: string;
  size: number;
  x: number;
  y: number;
  glyphXs: number[];
}

/** Replays `Tf`, `Tm` and `TJ` of a content stream: where does each glyph land? */
function drawnRuns(content: string, widths: Map<string, number[]>): DrawnRun[] {
  const runs: DrawnRun[] = [];
  const re = /\/(F\d+) ([\d.]+) Tf\n1 0 0 1 (-?[\d.]+) (-?[\d.]+) Tm\n\[([^\]]*)\] TJ/g;
  for (const m of content.matchAll(re)) {
    const [font, size, x, y] = [m[1] ?? '', Number(m[2]), Number(m[3]), Number(m[4])];
    const w = widths.get(font) ?? [];
    const glyphXs: number[] = [];
    let pen = x;
    for (const part of (m[5] ?? '').match(/<[0-9a-f]*>|-?[\d.]+/g) ?? []) {
      if (part.startsWith('<')) {
        for (let i = 1; i < part.length - 1; i += 4) {
          glyphXs.push(pen);
          pen += ((w[parseInt(part.slice(i, i + 4), 16)] ?? NaN) * size) / 1000;
        }
      } else {
        pen -= (Number(part) * size) / 1000;
      }
    }
    runs.push({ font, size, x, y, glyphXs });
  }
  return runs;
}

// ---- tests ------------------------------------------------------------------------------------

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'banmian-pdf-'));
  photo = join(dir, 'photo.png');
  // a 800×600 RGB gradient with alpha: exercises flatten, resize and colour conversion
  const pixels = Buffer.alloc(800 * 600 * 4);
  for (let i = 0; i < 800 * 600; i++) pixels.set([(i % 800) / 4, (i / 800 / 3) | 0, 128, 255], i * 4);
  await sharp(pixels, { raw: { width: 800, height: 600, channels: 4 } }).png().toFile(photo);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPdf', () => {
  let print: Buffer;
  let email: Buffer;
  beforeAll(async () => {
    print = await renderPdf(issue(), { profile: 'print' });
    email = await renderPdf(issue(), { profile: 'email' });
  });

  it('extracts every character of every line, in reading order', async () => {
    for (const pdf of [print, email]) {
      const [p1, p2] = await pageTexts(pdf);
      let from = 0;
      for (const { text } of PAGE1) {
        const at = p1?.indexOf(text.replace(/\s+/g, ''), from) ?? -1;
        expect(at, text).toBeGreaterThanOrEqual(from);
        from = at + 1;
      }
      expect(p2).toContain(PAGE2[0]?.text);
    }
    // the email edition has nothing else on the page; print adds the slug label
    expect((await pageTexts(email))[0]).toBe(PAGE1.map((l) => l.text.replace(/\s+/g, '')).join(''));
    expect((await pageTexts(print))[1]).toContain('晨报第1024期2025-03-01第2版');
  });

  it('places every glyph at its layout x (one TJ per line)', () => {
    const widths = fontWidths(email);
    const page1 = streams(email).find((s) => s.includes(' TJ')) ?? '';
    const runs = drawnRuns(page1, widths);
    const expected = issue().pages[0]?.items.filter((i): i is GlyphRun => i.kind === 'glyphs') ?? [];
    expect(runs).toHaveLength(expected.length);
    runs.forEach((drawn, i) => {
      const run = expected[i];
      if (!run) throw new Error('missing run');
      expect(drawn.size).toBe(run.sizePt);
      expect(drawn.y).toBeCloseTo(-run.baseline, 3);
      expect(drawn.glyphXs).toHaveLength(run.glyphs.length);
      drawn.glyphXs.forEach((x, g) => expect(x, `run ${i} glyph ${g}`).toBeCloseTo(run.x + (run.glyphs[g]?.x ?? NaN), 2));
    });
  });

  it('embeds subset TrueType fonts only (no Helvetica)', () => {
    const raw = latin1(print);
    const names = [...raw.matchAll(/\/BaseFont \/([^\s/>\]]+)/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^[A-Z]{6}\+/);
    expect(new Set(names.map((n) => n.slice(7)))).toEqual(new Set(['NotoSansSC-Bold', 'NotoSerifSC-Regular', 'NotoSansSC-Regular']));
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(descriptors).toHaveLength(3);
    expect(raw.match(/\/FontFile2 \d+ 0 R/g)).toHaveLength(3);
    expect(raw).not.toContain('Helvetica');
    // email has no slug label, so no sans regular
    expect(new Set([...latin1(email).matchAll(/\/BaseFont \/[A-Z]{6}\+(\S+)/g)].map((m) => m[1]))).toEqual(
      new Set(['NotoSansSC-Bold', 'NotoSerifSC-Regular']),
    );
  });

  it('nests TrimBox in BleedBox in MediaBox for print, with the bleed of the frames', () => {
    const media = boxes(print, 'MediaBox');
    const bleed = boxes(print, 'BleedBox');
    const trim = boxes(print, 'TrimBox');
    expect(media).toHaveLength(2);
    expect(bleed).toHaveLength(2);
    expect(trim).toHaveLength(2);
    const b = mmToPt(3);
    for (let p = 0; p < 2; p++) {
      const [m, bl, t] = [media[p] ?? [], bleed[p] ?? [], trim[p] ?? []];
      expect((t[2] ?? 0) - (t[0] ?? 0)).toBeCloseTo(400, 2);
      expect((t[3] ?? 0) - (t[1] ?? 0)).toBeCloseTo(560, 2);
      for (const i of [0, 1]) {
        expect(t[i]).toBeCloseTo((bl[i] ?? 0) + b, 2);
        expect(bl[i]).toBeGreaterThan(m[i] ?? 0);
      }
      for (const i of [2, 3]) {
        expect(bl[i]).toBeCloseTo((t[i] ?? 0) + b, 2);
        expect(bl[i]).toBeLessThan(m[i] ?? 0);
      }
    }
    expect(latin1(print)).not.toContain('/UserUnit');
  });

  it('uses the trim as MediaBox and no boxes or marks for email', () => {
    expect(boxes(email, 'MediaBox')).toEqual([
      [0, 0, 400, 560],
      [0, 0, 400, 560],
    ]);
    expect(boxes(email, 'TrimBox')).toEqual([]);
    expect(latin1(email)).not.toContain('/Separation');
  });

  it('prints in K only and registration, and shows RGB on screen', () => {
    const printContent = streams(print).join('\n');
    expect(printContent).toContain('/DeviceCMYK cs\n0 0 0 1 scn');
    expect(printContent).not.toContain('DeviceRGB');
    expect(latin1(print)).toContain('/Separation /All /DeviceCMYK');
    expect(latin1(print)).toMatch(/\/ColorSpace \/DeviceCMYK\n\/Filter \/DCTDecode/);
    expect(latin1(email)).toMatch(/\/ColorSpace \/DeviceRGB\n\/Filter \/DCTDecode/);
    expect(streams(email).join('\n')).toContain('/DeviceRGB cs\n0 0 0 scn');
  });

  it('embeds a placed image once, at most 300 ppi for print and 150 ppi for email', () => {
    const width = (pdf: Buffer): number[] =>
      [...latin1(pdf).matchAll(/\/Subtype \/Image\n\/BitsPerComponent 8\n\/Width (\d+)/g)].map((m) => Number(m[1]));
    // 200 pt = 2.78 in: 300 ppi would be 833 px, but the source has 800; 150 ppi = 417 px
    expect(width(print)).toEqual([800]);
    expect(width(email)).toEqual([417]);
  });

  it('is byte-identical across builds, with dates from the issue and an ID from the content', async () => {
    expect((await renderPdf(issue(), { profile: 'print' })).equals(print)).toBe(true);
    const raw = latin1(print);
    expect(raw).toContain('(D:20250301000000Z)');
    const id = (pdf: Buffer): string => /\/ID \[<([0-9a-f]+)>/.exec(latin1(pdf))?.[1] ?? '';
    expect(id(print)).toHaveLength(32);
    expect(id(email)).not.toBe(id(print));
    // same Info, different text: pdfkit's own MD5-of-Info ID would collide here
    const other = await renderPdf(issue([...PAGE1.slice(0, 3)]), { profile: 'print' });
    expect(id(other)).not.toBe(id(print));
    // where the photo lives does not matter, only its pixels
    const moved = join(dir, 'moved.png');
    copyFileSync(photo, moved);
    expect((await renderPdf(issue(PAGE1, moved), { profile: 'print' })).equals(print)).toBe(true);
  });
});
