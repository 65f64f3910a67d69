/** The library API: what the CLI does, a script can do. */
export { buildIssue, checkIssue, type BuildOptions, type BuildReport, type CheckReport } from './pipeline.js';
export { BanmianError, isBanmianError } from './errors.js';
export { importPage, type ImportOptions, type ImportResult } from './importer/import-page.js';
