/**
 * Issue 4 on the real sample issues: every sample in every profile, read back with npm libraries.
 * Each sample is built twice per profile; the first build is inspected, the second must be the
 * same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFStream, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEmbeddedFiles } from '../../src/archive/read.js';
import { buildFromPdf } from '../../src/archive/rebuild.js';
import { MANIFEST_DESCRIPTION } from '../../src/archive/sources.js';
import { pageLabel } from '../../src/text/furniture-words.js';
import { loadIssue } from '../../src/manifest/load.js';
import { buildIssue, layOut } from '../../src/pipeline.js';
import { defaultOutputProfile } from '../../src/render/output-profile.js';
import type { RenderProfile } from '../../src/render/page-boxes.js';
import { loadTemplate } from '../../src/template/load.js';
import { mmToPt } from '../../src/units.js';
import { contents, images, info, load, maxTotalInk, pageBoxes, type Box } from './inspect.js';

const ISSUES = path.resolve('issues');
const SAMPLES = readdirSync(ISSUES)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => path.join(ISSUES, f));
const PROFILES: RenderProfile[] = ['print', 'email', 'archive'];
/** issue 4: the sample pages of the email edition together, photos included */
const EMAIL_LIMIT_BYTES = 3 * 1024 * 1024;

let out: string;
const built = new Map<string, Buffer>();
const key = (profile: RenderProfile, sample: string): string => `${profile}:${path.basename(sample)}`;
const pdfOf = (profile: RenderProfile, sample: string): Buffer => {
  const pdf = built.get(key(profile, sample));
  if (!pdf) throw new Error(`not built: ${key(profile, sample)}`);
  return pdf;
};
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function build(profile: RenderProfile, sample: string, run: number): Promise<Buffer> {
  const output = path.join(out, `${run}-${profile}-${path.basename(sample, '.yaml')}.pdf`);
  await buildIssue(sample, { profile, output });
  return readFileSync(output);
}

const close = (a: Box | undefined, b: number[]): void => a?.forEach((v, i) => expect(v).toBeCloseTo(b[i] ?? NaN, 2));

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'banmian-profiles-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.each(PROFILES)('%s: every sample twice', (profile) => {
  it('gives the same bytes both times', async () => {
    for (const sample of SAMPLES) {
      const first = await build(profile, sample, 1);
      built.set(key(profile, sample), first);
      expect(sha(await build(profile, sample, 2)), path.basename(sample)).toBe(sha(first));
    }
  });
});

describe('print', () => {
  it('nests TrimBox in BleedBox in MediaBox, with the template bleed and room for marks', async () => {
    for (const sample of SAMPLES) {
      const template = await loadTemplate((await loadIssue(sample)).template, ISSUES);
      const bleed = mmToPt(template.bleedMm);
      for (const { media, bleed: bleedBox, trim } of pageBoxes(await load(pdfOf('print', sample)))) {
        expect(trim && bleedBox).toBeTruthy();
        const [t0, t1, t2, t3] = trim ?? [];
        close(bleedBox, [(t0 ?? 0) - bleed, (t1 ?? 0) - bleed, (t2 ?? 0) + bleed, (t3 ?? 0) + bleed]);
        expect((t2 ?? 0) - (t0 ?? 0)).toBeCloseTo(mmToPt(template.pageWidthMm), 2);
        expect((t3 ?? 0) - (t1 ?? 0)).toBeCloseTo(mmToPt(template.pageHeightMm), 2);
        // marks live in the slug: the MediaBox is strictly larger than the BleedBox
        expect(media[0]).toBeLessThan(bleedBox?.[0] ?? -1);
        expect(media[2]).toBeGreaterThan(bleedBox?.[2] ?? Infinity);
      }
    }
  });

  it('has only DeviceCMYK JPEG photos, within the template ink limit', async () => {
    let photos = 0;
    for (const sample of SAMPLES) {
      const { maxInkPercent } = await loadTemplate((await loadIssue(sample)).template, ISSUES);
      for (const image of images(await load(pdfOf('print', sample)))) {
        photos++;
        expect(image.colourSpace).toBe('/DeviceCMYK');
        expect(image.filter).toBe('/DCTDecode');
        expect(await maxTotalInk(image.bytes)).toBeLessThanOrEqual(maxInkPercent);
      }
    }
    expect(photos).toBeGreaterThan(0);
  });

  it('has no RGB anywhere, and text and rules in 100 % K', async () => {
    for (const sample of SAMPLES) {
      const pdf = pdfOf('print', sample);
      const streams = contents(await load(pdf));
      for (const text of [pdf.toString('latin1'), ...streams]) expect(text).not.toMatch(/DeviceRGB|CalRGB|ICCBased|\/Lab\b/);
      // pdfkit names the Separation colour space /CS0, /CS1 … in the page resources
      const fills = new Set(streams.flatMap((s) => [...s.matchAll(/\n(\/\S+) cs\n([\d. ]+) scn/g)].map((m) => `${m[1]?.replace(/^\/CS\d+$/, 'separation')} ${m[2]}`)));
      // K-only black for text and rules; 100 % of the registration colour for the marks
      expect([...fills].sort()).toEqual(['/DeviceCMYK 0 0 0 1', 'separation 1']);
      expect(pdf.toString('latin1')).toMatch(/\/Separation \/All \/DeviceCMYK/);
    }
  });

  it('embeds every font as a subset', async () => {
    for (const sample of SAMPLES) {
      const doc = await load(pdfOf('print', sample));
      const fonts = [...doc.context.enumerateIndirectObjects()].flatMap(([, o]) =>
        o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('FontDescriptor') ? [o] : [],
      );
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(String(font.get(PDFName.of('FontName')))).toMatch(/^\/[A-Z]{6}\+/);
        expect(font.lookup(PDFName.of('FontFile2'))).toBeInstanceOf(PDFStream);
      }
    }
  });

  it('is PDF/X-1a:2001 with an output intent that embeds the CMYK profile', async () => {
    for (const sample of SAMPLES) {
      const pdf = pdfOf('print', sample);
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
      const doc = await load(pdf);
      const keys = info(doc);
      expect(keys.get('GTS_PDFXVersion')).toBe('(PDF/X-1:2001)');
      expect(keys.get('GTS_PDFXConformance')).toBe('(PDF/X-1a:2001)');
      expect(keys.get('Trapped')).toBe('/False');
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      expect(intents.size()).toBe(1);
      const intent = intents.lookup(0, PDFDict);
      expect(String(intent.get(PDFName.of('S')))).toBe('/GTS_PDFX');
      const profile = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream) as PDFRawStream;
      expect(profile.dict.lookup(PDFName.of('N'), PDFNumber).asNumber()).toBe(4);
      // the very profile the photos were separated with (no sample template names a plant profile)
      expect(inflateSync(profile.contents).equals(readFileSync(defaultOutputProfile().file))).toBe(true);
      expect(pdf.toString('latin1')).not.toContain('/UserUnit');
    }
  });
});

describe('email', () => {
  it('has trim-sized pages, no marks, and RGB photos at about 150 ppi', async () => {
    for (const sample of SAMPLES) {
      const doc = await load(pdfOf('email', sample));
      const { layout } = await layOut(sample);
      const placed = layout.frames.pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'image' ? [i] : [])));
      layout.frames.pages.forEach((page, n) => {
        expect(pageBoxes(doc)[n]?.media).toEqual([0, 0, expect.closeTo(page.widthPt, 2), expect.closeTo(page.heightPt, 2)]);
        expect(pageBoxes(doc)[n]?.trim).toBeUndefined();
      });
      expect(pdfOf('email', sample).toString('latin1')).not.toContain('/Separation');
      const found = images(doc);
      expect(found).toHaveLength(placed.length);
      found.forEach((image, i) => {
        expect(image.colourSpace).toBe('/DeviceRGB');
        expect(image.filter).toBe('/DCTDecode');
        const ppi = image.width / ((placed[i]?.width ?? NaN) / 72);
        expect(ppi).toBeGreaterThan(145);
        expect(ppi).toBeLessThan(155);
      });
    }
  });

  it('has an outline per page and per article, a title, an author and a language', async () => {
    for (const sample of SAMPLES) {
      const doc = await load(pdfOf('email', sample));
      const { layout } = await layOut(sample);
      const titles = (first: PDFDict | undefined): string[] => {
        const found: string[] = [];
        for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) found.push(String(item.lookup(PDFName.of('Title'))));
        return found;
      };
      const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
      const pages = [];
      for (let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict); item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) pages.push(item);
      expect(pages).toHaveLength(layout.frames.pages.length);
      pages.forEach((item, n) => {
        const articles = titles(item.lookupMaybe(PDFName.of('First'), PDFDict)).length;
        expect(articles).toBe(layout.frames.pages[n]?.bookmarks.length);
        // the page's own bookmark reads as the folio does
        expect(item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText()).toBe(pageLabel(n + 1));
      });
      expect(doc.getTitle()).toContain(layout.frames.publication);
      expect(doc.getAuthor()).toBe(layout.frames.publication);
      expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toMatch(/zh/);
    }
  });

  it('is under 3 MB for all samples together, and smaller than print', () => {
    const total = (profile: RenderProfile): number => SAMPLES.reduce((n, s) => n + pdfOf(profile, s).length, 0);
    expect(total('email')).toBeLessThan(EMAIL_LIMIT_BYTES);
    expect(total('email')).toBeLessThan(total('print'));
    console.info(`email ${total('email')} B = ${((100 * total('email')) / total('print')).toFixed(1)} % of print ${total('print')} B`);
  });
});

describe('archive', () => {
  it('is PDF/A-3b with the manifest, sources and every article text attached', async () => {
    for (const sample of SAMPLES) {
      const pdf = pdfOf('archive', sample);
      expect(pdf.toString('latin1')).toMatch(/<pdfaid:part>3<\/pdfaid:part>\s*<pdfaid:conformance>B</);
      const files = await readEmbeddedFiles(pdf);
      const issue = await loadIssue(sample);
      const manifest = files.find((f) => f.description === MANIFEST_DESCRIPTION);
      expect(manifest?.name).toBe(path.basename(sample));
      expect(manifest?.data.equals(readFileSync(sample))).toBe(true);
      const articles = issue.pages.flatMap((p) => p.articles);
      const texts = files.filter((f) => f.name.startsWith('text/'));
      expect(texts).toHaveLength(articles.length);
      articles.forEach((a, i) => expect(texts[i]?.data.toString('utf8')).toContain(a.headline));
      for (const photo of articles.flatMap((a) => a.photos)) {
        const name = path.relative(ISSUES, photo.file);
        expect(files.find((f) => f.name === name)?.data.equals(readFileSync(photo.file)), name).toBe(true);
      }
      const af = (await load(pdf)).catalog.lookup(PDFName.of('AF'), PDFArray);
      expect(af.size()).toBe(files.length);
    }
  });

  it('rebuilds from its own file to the same bytes', async () => {
    for (const sample of SAMPLES) {
      const old = path.join(out, `old-${path.basename(sample, '.yaml')}.pdf`);
      const fresh = path.join(out, `rebuilt-${path.basename(sample, '.yaml')}.pdf`);
      await buildIssue(sample, { profile: 'archive', output: old });
      const report = await buildFromPdf(old, { profile: 'archive', output: fresh });
      expect(report.manifest).toBe(old);
      expect(sha(readFileSync(fresh))).toBe(sha(pdfOf('archive', sample)));
    }
  });
});
