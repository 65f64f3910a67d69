/**
 * Compresses pdfkit's streams on libuv's thread pool while the main thread goes on drawing, and
 * still writes every object in the order pdfkit ended it: the file is byte for byte the one pdfkit
 * would write by itself. pdfkit deflates each stream synchronously as it writes it (page contents,
 * font files, ToUnicode maps: 20–30 ms of a 16-page build); here a page's content is compressed
 * while the next page is drawn, and the fonts' files side by side at `doc.end()`.
 *
 * pdfkit supports objects that end late: `doc.end()` writes the cross-reference table once the
 * last outstanding object is written. Internals used (pdfkit 0.20.2): `doc.ref()`, and on
 * PDFReference `buffer` (the chunks written), `compress` (whether `finalize()` still has to
 * deflate them) and `finalize()` (writes the object). A stream whose `compress` is off is written
 * as it is; its /Filter was set by its first write. zlib's defaults are pdfkit's.
 */
import PDFDocument from 'pdfkit';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateOnPool = promisify(deflate);

/** The parts of pdfkit's PDFReference this module relies on. */
interface ReferenceInternals {
  buffer: Uint8Array[];
  compress: boolean;
  finalize(): void;
}

/** Objects wait here, in the order pdfkit ended them, for the streams ahead of them. */
interface WriteQueue {
  tail: Promise<void>;
  waiting: number;
  failed: boolean;
}

/**
 * pdfkit's document with every object, from the catalog its constructor makes onwards, written
 * through the queue. The queue is found by document because `ref()` already runs in pdfkit's
 * constructor, before a subclass could set a field.
 */
export class PooledDeflateDocument extends PDFDocument {
  override ref(data: object): PDFKit.PDFKitReference {
    const ref = super.ref(data);
    writeInOrder(this, ref as unknown as ReferenceInternals);
    return ref;
  }
}

const queues = new WeakMap<PDFKit.PDFDocument, WriteQueue>();

function writeInOrder(doc: PDFKit.PDFDocument, ref: ReferenceInternals): void {
  if (typeof ref.finalize !== 'function' || !Array.isArray(ref.buffer) || typeof ref.compress !== 'boolean') {
    throw new Error('pdfkit internals changed: cannot compress streams off the main thread (see src/render/stream-deflate.ts)');
  }
  let queue = queues.get(doc);
  if (!queue) {
    queue = { tail: Promise.resolve(), waiting: 0, failed: false };
    queues.set(doc, queue);
  }
  const write = ref.finalize.bind(ref);
  const fail = (error: unknown): void => {
    if (queue.failed) return;
    queue.failed = true;
    doc.emit('error', error);
  };
  ref.finalize = () => {
    const deflated = ref.compress && ref.buffer.length > 0 ? deflateOnPool(Buffer.concat(ref.buffer)) : undefined;
    if (!deflated && queue.waiting === 0) {
      write(); // nothing ahead of it: written now, as pdfkit would
      return;
    }
    if (deflated) {
      ref.compress = false;
      ref.buffer = []; // the concatenated copy is what is compressed: let the chunks go now
      deflated.catch(() => undefined); // it fails the document in its turn, not the process before it
    }
    queue.waiting += 1;
    queue.tail = queue.tail
      .then(async () => {
        const bytes = await deflated;
        if (queue.failed) return;
        if (bytes) ref.buffer = [bytes];
        write();
        queue.waiting -= 1;
      })
      .catch(fail);
  };
}
