#!/usr/bin/env node
/**
 * The `banmian` command: runs the bundled CLI (dist/cli/banmian.cjs, which `npm run build` makes
 * from main.js with rolldown.config.js) from V8's code cache.
 *
 * A cold build spends a fifth of its time resolving, parsing and compiling JavaScript. One file
 * resolves once, and the code cache holds the bytecode of every function a successful run of the
 * same command compiled, so the next process skips that work (docs/performance.md has the
 * figures). The cache is written when the command has finished, not when the code is loaded as
 * Node's own compile cache (22.1 and later) is: most of the engine's functions are compiled only
 * when a page is laid out. Node 20 has no compile cache at all.
 */
import { fileURLToPath } from 'node:url';
import { runBundle } from './code-cache.js';

runBundle(fileURLToPath(new URL('./banmian.cjs', import.meta.url)));
