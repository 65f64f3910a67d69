/** `banmian watch`: rebuild on every change and print, in a line, what changed in the layout. */
import { loadIssue } from '../manifest/load.js';
import { defaultOutput } from '../output/paths.js';
import type { RenderProfile } from '../render/page-boxes.js';
import { watchIssue, type RebuildEvent } from '../watch/watch.js';
import { coloursFor, type Colours } from './colour.js';
import { describeFailure, firstLineOf } from '../report/failure.js';

interface WatchFlags {
  readonly output?: string;
  readonly profile: RenderProfile;
}

export async function watchCommand(manifest: string, flags: WatchFlags): Promise<void> {
  // A manifest that cannot be read at the start is a typing mistake, not an edit in progress.
  await loadIssue(manifest);
  const c = coloursFor(process.stdout);
  process.stdout.write(c.dim(`watching ${manifest} and its files; Ctrl-C to stop\n`));
  const watching = await watchIssue(manifest, { profile: flags.profile, output: flags.output ?? defaultOutput(manifest) }, (event) =>
    process.stdout.write(`${describe(event, c)}\n`),
  );
  await new Promise<void>((resolve) => process.once('SIGINT', resolve));
  await watching.close();
}

function describe(event: RebuildEvent, c: Colours): string {
  const time = new Date().toTimeString().slice(0, 8);
  const what = event.changed.length > 0 ? `${event.changed.join(', ')} changed` : 'first build';
  const summary = event.summary ? `: ${event.summary}` : '';
  const result = event.error ? c.red(`not built: ${firstLineOf(describeFailure(event.error).message)}`) : c.green(`→ ${event.output ?? ''}`);
  return `${c.dim(time)} ${what}${summary} ${result}`;
}
