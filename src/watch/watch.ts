/**
 * Rebuild an issue whenever one of its files changes, and say in one line what that did to the
 * layout. The set of watched files follows the manifest: a new body file or photo is watched from
 * the rebuild that first uses it. Changes arriving during a rebuild are gathered into the next one.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { issueSources } from '../manifest/files.js';
import { buildLaidOut, layOut, type BuildOptions } from '../pipeline.js';
import { describeChanges, describeLayout, snapshot, type LayoutSnapshot } from './diff.js';

export interface RebuildEvent {
  /** files that changed, relative to the manifest's folder; empty for the first build */
  readonly changed: readonly string[];
  /** what the layout change was, or undefined when the issue could not be read */
  readonly summary: string | undefined;
  /** the PDF written, or the error that stopped the build */
  readonly output: string | undefined;
  readonly error: unknown;
}

export interface Watching {
  close(): Promise<void>;
}

/** How long a burst of saves (an editor writing several files) is gathered before rebuilding. */
const SETTLE_MS = 150;

export async function watchIssue(manifest: string, options: BuildOptions, onRebuild: (event: RebuildEvent) => void): Promise<Watching> {
  const root = path.dirname(path.resolve(manifest));
  const watcher: FSWatcher = watch(path.resolve(manifest), { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 25 } });
  let watched = new Set<string>([path.resolve(manifest)]);
  let previous: LayoutSnapshot | undefined;
  const pending = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const rebuild = async (changed: readonly string[]): Promise<void> => {
    const relative = changed.map((file) => path.relative(root, file));
    try {
      const laidOut = await layOut(manifest);
      await follow(issueSources(laidOut.issue, laidOut.template));
      const now = snapshot(laidOut.layout);
      const summary = previous ? describeChanges(previous, now) : describeLayout(now);
      previous = now;
      const built = await buildLaidOut(laidOut, options).then(
        (report) => ({ output: report.output, error: undefined }),
        (error: unknown) => ({ output: undefined, error }),
      );
      onRebuild({ changed: relative, summary, ...built });
    } catch (error) {
      onRebuild({ changed: relative, summary: undefined, output: undefined, error });
    }
  };

  const follow = async (files: readonly string[]): Promise<void> => {
    const next = new Set(files);
    const added = files.filter((f) => !watched.has(f));
    const gone = [...watched].filter((f) => !next.has(f));
    if (added.length > 0) watcher.add(added);
    if (gone.length > 0) watcher.unwatch(gone);
    watched = next;
  };

  const schedule = (file: string): void => {
    pending.add(path.resolve(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(() => {
        const changed = [...pending];
        pending.clear();
        return changed.length > 0 ? rebuild(changed) : undefined;
      });
    }, SETTLE_MS);
  };

  watcher.on('all', (event, file) => {
    if (event === 'change' || event === 'add' || event === 'unlink') schedule(file);
  });
  await new Promise<void>((resolve) => watcher.once('ready', resolve));
  running = rebuild([]);
  await running;
  return {
    async close() {
      clearTimeout(timer);
      await watcher.close();
      // A rebuild in progress finishes, so no PDF is left half-written.
      await running;
    },
  };
}
