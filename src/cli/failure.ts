/**
 * How a failure reaches the terminal: its description (src/report/failure.ts) on stderr, the
 * stack only with --debug.
 */
import { describeFailure } from '../report/failure.js';

/** Writes the failure to stderr (with its stack under --debug) and returns its exit status. */
export function reportFailure(error: unknown, debug: boolean): 1 | 2 {
  const { message, status } = describeFailure(error);
  process.stderr.write(`banmian: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return status;
}

/** A command's --debug, which commander keeps on the program (a global option). */
export interface DebugOption {
  optsWithGlobals(): { debug?: boolean };
}

/** The status of an issue that failed inside a multi-issue command: reported unless --json collects it. */
export function issueFailure(error: unknown, json: boolean | undefined, command: DebugOption): 1 | 2 {
  return json ? describeFailure(error).status : reportFailure(error, command.optsWithGlobals().debug === true);
}
