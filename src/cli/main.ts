/**
 * The `banmian` command line (launch.ts runs it, bundled). Argument parsing is commander's;
 * every command is a thin shell around the library API so that what the CLI does, a script can
 * do too.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { reportFailure } from './failure.js';
import { registerImportCommand } from './import.js';
import { PROFILES } from '../render/page-boxes.js';

// Each command loads its code when it runs: `build` never pays for the worker pool, the file
// watcher, the PDF rasteriser or the archive reader (about 0.3 s of start-up together).
type BuildArgs = Parameters<typeof import('./build.js').buildCommand>;
type CheckArgs = Parameters<typeof import('./check.js').checkCommand>;
type BatchArgs = Parameters<typeof import('./batch.js').batchCommand>;
type ProofArgs = Parameters<typeof import('./proof.js').proofCommand>;
type WatchArgs = Parameters<typeof import('./watch.js').watchCommand>;

const program = new Command('banmian')
  .description('Chinese newspaper layout: YAML issue manifests in, print-ready PDFs out')
  .option('--debug', 'show stack traces of errors')
  // Usage errors in one line, pointing at the help, so a script's log says what went wrong.
  .configureOutput({ outputError: (message, write) => write(`banmian: ${message.trim().replace(/^error: /, '')} (see --help)\n`) })
  .exitOverride();

const profileOption = (fallback = 'print'): Option =>
  new Option('--profile <profile>', 'output profile').choices([...PROFILES]).default(fallback);

/** A whole number from `min` to `max`, for options such as --jobs and --dpi. */
const wholeNumber = (min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

program
  .command('build')
  .description('lay out issues and write one PDF each')
  .argument('[manifests...]', 'issue manifests (YAML)')
  .option('-o, --output <path>', 'output PDF, or a folder when building several issues (default out/NAME.pdf)')
  .option('--from-pdf <pdf>', 'rebuild the issue from the manifest and sources attached to an archive PDF')
  .addOption(profileOption())
  .option('--json', 'print a machine-readable report')
  .action(async (...args: BuildArgs) => (await import('./build.js')).buildCommand(...args));

program
  .command('check')
  .description('everything build does except writing: validation, overset, glyphs, photos')
  .argument('<manifests...>', 'issue manifests (YAML)')
  .addOption(profileOption())
  .option('--json', 'print a machine-readable report')
  .action(async (...args: CheckArgs) => (await import('./check.js')).checkCommand(...args));

program
  .command('batch')
  .description('rebuild many issues in parallel, skipping unchanged ones; goes on past failures')
  .argument('<paths...>', 'manifests, folders of manifests, or quoted globs such as "archive/**/*.yaml"')
  .option('-o, --output <dir>', 'output folder (one NAME.pdf per issue, and the cache of what was built)', 'out')
  .addOption(profileOption())
  .option('-j, --jobs <n>', 'worker threads (default: one per core)', wholeNumber(1, 256))
  .option('--force', 'rebuild issues even when nothing they depend on has changed')
  .option('--json', 'print a machine-readable report')
  .action(async (...args: BatchArgs) => (await import('./batch.js')).batchCommand(...args));

program
  .command('proof')
  .description('PNG previews of every page, and optionally a contact sheet of the issue')
  .argument('<manifest>', 'issue manifest (YAML)')
  .option('-o, --output <dir>', 'output folder for NAME-p01.png …', 'out/proof')
  .option('--dpi <n>', 'resolution of the page images', wholeNumber(18, 1200), 150)
  .addOption(profileOption('email'))
  .option('--sheet', 'also write NAME-sheet.png with all pages side by side')
  .action(async (...args: ProofArgs) => (await import('./proof.js')).proofCommand(...args));

program
  .command('watch')
  .description('rebuild on every change to the manifest, its texts, photos or template; print what changed in the layout')
  .argument('<manifest>', 'issue manifest (YAML)')
  .option('-o, --output <path>', 'output PDF (default out/NAME.pdf)')
  .addOption(profileOption())
  .action(async (...args: WatchArgs) => (await import('./watch.js')).watchCommand(...args));

registerImportCommand(program);

// No top-level await: the bundled CLI (rolldown.config.js) is CommonJS.
program.parseAsync().catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // commander has printed its one-line message; --help and --version are successes.
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = ok ? 0 : 2;
  } else {
    process.exitCode = reportFailure(error, program.opts<{ debug?: boolean }>().debug === true);
  }
});
