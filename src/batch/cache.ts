/**
 * What the last batch into an output folder built: per manifest, the fingerprint of its inputs and
 * what the PDF holds. Kept in OUTDIR/.banmian-cache.json; a missing or unreadable file is an
 * empty cache (everything is rebuilt), never an error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output/atomic-write.js';

export interface CacheEntry {
  readonly key: string;
  readonly output: string;
  readonly pages: number;
  readonly articles: number;
}

const FILE_NAME = '.banmian-cache.json';
const FORMAT = 1;

export class BuildCache {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  static async open(outDir: string): Promise<BuildCache> {
    const file = path.join(outDir, FILE_NAME);
    const entries = new Map<string, CacheEntry>();
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as { format?: number; entries?: Record<string, CacheEntry> };
      if (data.format === FORMAT) for (const [manifest, entry] of Object.entries(data.entries ?? {})) entries.set(manifest, entry);
    } catch {
      // no cache yet, or a damaged one: rebuild everything
    }
    return new BuildCache(file, entries);
  }

  get(manifest: string): CacheEntry | undefined {
    return this.entries.get(manifest);
  }

  set(manifest: string, entry: CacheEntry): void {
    this.entries.set(manifest, entry);
  }

  /** A failed build forgets the entry, so the next run tries again. */
  delete(manifest: string): void {
    this.entries.delete(manifest);
  }

  async save(): Promise<void> {
    const data = { format: FORMAT, entries: Object.fromEntries([...this.entries].sort(([a], [b]) => a.localeCompare(b))) };
    await writeFileAtomic(this.file, Buffer.from(`${JSON.stringify(data, null, 2)}\n`));
  }
}
