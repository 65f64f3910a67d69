import PDFDocument from 'pdfkit';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { StreamDeflater } from '../../src/render/stream-deflate.js';

/** A finished pdfkit document's bytes. */
function written(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

/** The first stream object of a PDF: its dictionary and its bytes. */
function firstStream(pdf: Buffer): { dictionary: string; bytes: Buffer } {
  const text = pdf.toString('latin1');
  const at = text.indexOf('\nstream\n');
  const end = text.indexOf('\nendstream', at);
  return { dictionary: text.slice(text.lastIndexOf('<<', at), at), bytes: pdf.subarray(at + '\nstream\n'.length, end) };
}

function onePage(operators: string[]): PDFKit.PDFDocument {
  const doc = new PDFDocument({ autoFirstPage: false, bufferPages: true, font: null as unknown as string });
  doc.addPage({ size: [200, 200], margin: 0 });
  for (const op of operators) doc.addContent(op);
  return doc;
}

describe('StreamDeflater', () => {
  it('writes a page content stream deflated exactly as pdfkit deflates it', async () => {
    const operators = ['q', '0 0 0 1 k', '10 10 100 50 re f', 'Q'];
    const doc = onePage(operators);
    const pdf = written(doc);
    const deflater = new StreamDeflater();
    deflater.deflate(doc.page.content);
    await deflater.finished();
    // compressed by the deflater, not left to pdfkit's synchronous deflate at doc.end()
    expect((doc.page.content as unknown as { compress: boolean }).compress).toBe(false);
    doc.end();
    const { dictionary, bytes } = firstStream(await pdf);
    const content = inflateSync(bytes);
    // pdfkit opens every page with its own y-flip; ours follow it.
    expect(content.toString('latin1').endsWith(operators.map((op) => `${op}\n`).join(''))).toBe(true);
    expect(bytes.equals(deflateSync(content))).toBe(true);
    expect(dictionary).toContain(`/Length ${bytes.length}`);
    expect(dictionary).toContain('/Filter /FlateDecode');
  });

  it('refuses a stream that was written to after it was handed over, instead of dropping the write', async () => {
    const doc = onePage(['q', 'Q']);
    const deflater = new StreamDeflater();
    deflater.deflate(doc.page.content);
    doc.addContent('0 0 m');
    await expect(deflater.finished()).rejects.toThrow(/written to while it was being compressed/);
  });

  it('leaves alone a stream with nothing written', async () => {
    const doc = onePage([]);
    const empty = doc.ref({});
    const deflater = new StreamDeflater();
    deflater.deflate(empty);
    await deflater.finished();
    expect((empty as unknown as { compress: boolean }).compress).toBe(true);
  });
});
