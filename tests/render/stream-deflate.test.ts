import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PooledDeflateDocument } from '../../src/render/stream-deflate.js';

type DocumentClass = new (options: PDFKit.PDFDocumentOptions) => PDFKit.PDFDocument;

/** The bytes pdfkit writes; rejects when the document reports an error. */
function written(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** Fixed dates: pdfkit would otherwise stamp the clock into the file. */
const OPTIONS: PDFKit.PDFDocumentOptions = {
  autoFirstPage: false,
  font: null as unknown as string,
  info: { CreationDate: new Date(Date.UTC(2024, 0, 1)), ModDate: new Date(Date.UTC(2024, 0, 1)) },
};

/** Three pages of content, a bookmark per page and an uncompressed stream among them. */
function threePages(Document: DocumentClass): Promise<Buffer> {
  const doc = new Document(OPTIONS);
  const pdf = written(doc);
  for (let page = 1; page <= 3; page += 1) {
    doc.addPage({ size: [200, 200], margin: 0 });
    for (let i = 0; i < 50 * page; i += 1) doc.addContent(`${i} ${page} m ${i + 10} ${page * 20} l S`);
    doc.outline.addItem(`page ${page}`);
  }
  const raw = doc.ref({ Filter: 'ASCIIHexDecode' });
  raw.end('00FF>');
  doc.end();
  return pdf;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PooledDeflateDocument', () => {
  it('writes the very bytes pdfkit writes, without deflating on the main thread', async () => {
    const deflateSync = vi.spyOn(zlib, 'deflateSync');
    const own = await threePages(PDFDocument as unknown as DocumentClass);
    const syncCalls = deflateSync.mock.calls.length;
    deflateSync.mockClear();
    const pooled = await threePages(PooledDeflateDocument);
    expect(syncCalls).toBeGreaterThanOrEqual(3); // pdfkit's own path deflates each page's content
    expect(deflateSync).not.toHaveBeenCalled();
    expect(pooled.equals(own)).toBe(true);
  });

  it('reports an object that fails to write while streams are pending, as a document error', async () => {
    const doc = new PooledDeflateDocument(OPTIONS);
    const pdf = written(doc);
    doc.addPage({ size: [200, 200], margin: 0 });
    doc.addContent('0 0 m 10 10 l S');
    doc.addPage({ size: [200, 200], margin: 0 }); // ends the first page: its content is now being deflated
    doc.ref({ Width: 1e22 }).end(undefined); // pdfkit refuses numbers this large, once it writes the object
    doc.end();
    await expect(pdf).rejects.toThrow(/unsupported number/);
  });
});
