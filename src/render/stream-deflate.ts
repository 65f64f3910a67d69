/**
 * Compresses finished PDF streams on libuv's thread pool while the main thread goes on drawing.
 * pdfkit deflates each stream synchronously when it writes it (about 25 ms of a 16-page build);
 * a page's content is final once the page is drawn, so its compression can run beside the next
 * page's drawing. zlib's defaults are pdfkit's, so the bytes are the ones pdfkit would write.
 *
 * Internals used (pdfkit 0.20.2, PDFReference): `buffer` (the chunks written so far), `compress`
 * (whether `finalize()` still has to deflate them). Setting `compress` off with the deflated
 * bytes in `buffer` makes pdfkit write them as they are; /Filter was set by the first write.
 */
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';

const deflateOnPool = promisify(deflate);

/** The parts of pdfkit's PDFReference this module relies on. */
interface StreamInternals {
  buffer: Uint8Array[];
  compress: boolean;
  readonly data: { Filter?: unknown };
}

export class StreamDeflater {
  private readonly pending: Promise<void>[] = [];

  /** Starts compressing a stream nothing more will be written to. */
  deflate(stream: unknown): void {
    const ref = stream as StreamInternals;
    if (!ref.compress || ref.buffer.length === 0) return;
    if (ref.data.Filter !== 'FlateDecode') throw new Error('pdfkit internals changed: a compressed stream has no /Filter (see src/render/stream-deflate.ts)');
    const chunks = ref.buffer;
    const written = chunks.length;
    ref.compress = false;
    const done = deflateOnPool(Buffer.concat(chunks)).then((deflated) => {
      // A write after the stream was handed over would be lost: refuse rather than drop it.
      if (ref.buffer !== chunks || chunks.length !== written) throw new Error('a PDF stream was written to while it was being compressed');
      ref.buffer = [deflated];
    });
    // Handled here so that a render that fails before `finished()` leaves no unhandled rejection.
    done.catch(() => undefined);
    this.pending.push(done);
  }

  /** Waits for every stream started so far; pdfkit may write them after this. */
  async finished(): Promise<void> {
    await Promise.all(this.pending);
  }
}
