// Preloaded into a CLI run (node --import): the rename that would put a PDF in place never
// happens. The process announces the temporary it has written, then waits to be killed.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import process from 'node:process';
import { setInterval } from 'node:timers';

const rename = fs.promises.rename;
fs.promises.rename = async (from, to) => {
  if (!String(to).endsWith('.pdf')) return rename(from, to);
  process.stderr.write(`PAUSED-BEFORE-RENAME ${String(from)}\n`);
  setInterval(() => {}, 1000);
  return new Promise(() => {});
};
syncBuiltinESMExports();
