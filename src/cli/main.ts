#!/usr/bin/env node
/**
 * The `banmian` entry point: it turns on Node's code cache before the commands (and everything
 * they import) are loaded, then hands over to the command line proper.
 */
import { cacheRoot } from '../cache-root.js';
import { enableCodeCache } from './code-cache.js';

enableCodeCache(cacheRoot());
await import('./program.js');
