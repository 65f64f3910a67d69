// Golden transcripts of the sample pages (src/layout/transcript.ts): any change of layout shows
// up as a diff of tests/samples/transcripts/*.txt, to be reviewed and accepted with
// `npm run test:update`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcribe } from '../../src/layout/transcript.js';
import { layOut } from '../../src/pipeline.js';

const ISSUES = join(import.meta.dirname, '..', '..', 'issues');
const SAMPLES = readdirSync(ISSUES).filter((f) => f.endsWith('.yaml')).sort();

describe('layout transcripts', () => {
  it.each(SAMPLES)('%s', async (name) => {
    const { layout } = await layOut(join(ISSUES, name));
    await expect(transcribe(layout)).toMatchFileSnapshot(join('transcripts', name.replace(/\.yaml$/u, '.txt')));
  });
});
