/**
 * One batch task in a worker thread. The font registry caches parsed fonts per thread, so each
 * worker parses the 15 MB CJK fonts once and reuses them for every issue it builds.
 */
import { existsSync } from 'node:fs';
import { buildIssue } from '../pipeline.js';
import { fingerprint } from './fingerprint.js';
import { failedResult, type BatchResult, type BatchTask } from './task.js';

export default async function runTask(task: BatchTask): Promise<BatchResult> {
  try {
    // The fingerprint is taken before the build reads anything, so an edit made during the build
    // makes the next run rebuild rather than trust a PDF made from the older text.
    const key = await fingerprint(task.manifest, task.profile);
    if (key === task.previousKey && existsSync(task.output)) return { kind: 'skipped', key };
    const report = await buildIssue(task.manifest, { profile: task.profile, output: task.output });
    return { kind: 'built', report, key };
  } catch (error) {
    return failedResult(task.manifest, error);
  }
}
