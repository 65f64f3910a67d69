/**
 * The `--json` report shared by build, check and batch: one object on stdout with the command,
 * the exit status, one entry per issue (pages, articles, warnings, errors, timings) and the run's
 * total time. Errors are structured (src/report/failure.ts) so a script can point at the file
 * and line.
 */

export function printJsonReport(command: string, status: number, issues: readonly unknown[], startedMs: number): void {
  const report = { command, status, issues, timingsMs: { total: Math.round(performance.now() - startedMs) } };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
