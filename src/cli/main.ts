#!/usr/bin/env node
/**
 * The `banmian` command line. Argument parsing is commander's; every command is a thin shell
 * around the library API so that what the CLI does, a script can do too.
 */
import { Command, CommanderError, Option } from 'commander';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { reportFailure } from './failure.js';
import { PROFILES } from '../render/page-boxes.js';

const program = new Command('banmian')
  .description('Chinese newspaper layout: YAML issue manifests in, print-ready PDFs out')
  .option('--debug', 'show stack traces of errors')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const profileOption = (): Option =>
  new Option('--profile <profile>', 'output profile').choices([...PROFILES]).default('print');

program
  .command('build')
  .description('lay out issues and write one PDF each')
  .argument('<manifests...>', 'issue manifests (YAML)')
  .option('-o, --output <path>', 'output PDF, or a folder when building several issues (default out/NAME.pdf)')
  .addOption(profileOption())
  .option('--json', 'print a machine-readable report')
  .action(buildCommand);

program
  .command('check')
  .description('everything build does except writing: validation, overset, glyphs, photos')
  .argument('<manifests...>', 'issue manifests (YAML)')
  .addOption(profileOption())
  .option('--json', 'print a machine-readable report')
  .action(checkCommand);

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof CommanderError) {
    // commander has printed its one-line message; --help and --version are successes.
    const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    process.exitCode = ok ? 0 : 2;
  } else {
    process.exitCode = reportFailure(error, program.opts<{ debug?: boolean }>().debug === true);
  }
}
