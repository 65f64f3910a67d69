/**
 * `banmian import PAGE.txt [-o ISSUE.yaml]`: a draft manifest from the extracted text of an old
 * page. The draft goes to stdout unless -o names a file; an existing file is kept unless --force,
 * since a draft written over a hand-corrected manifest would lose the corrections.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { BanmianError } from '../errors.js';
import type { ImportResult } from '../importer/import-page.js';
import { DEFAULT_DRAFT_TEMPLATE } from '../importer/types.js';
import { isRealIsoDate } from '../manifest/schema.js';
import { readTextFile } from '../manifest/text-file.js';
import { writeFileAtomic } from '../output/atomic-write.js';
import { plural } from '../report/plural.js';

interface ImportFlags {
  readonly output?: string;
  readonly publication?: string;
  readonly issue?: string;
  readonly date?: string;
  readonly template?: string;
  readonly photo?: string[];
  readonly force?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('a draft manifest from the extracted text of an old page: headline groups, bylines, credits, captions, subheads')
    .argument('<page>', 'extracted page text (UTF-8)')
    .option('-o, --output <file>', 'write the draft here (default: print it to stdout)')
    .option('--publication <name>', 'masthead name (default: from the running head, else a placeholder)')
    .option('--issue <label>', 'issue label such as 第46期 (default: from the running head, else a placeholder)')
    .option('--date <YYYY-MM-DD>', 'issue date (default: from the running head, else a placeholder)', isoDate)
    .option('--template <name>', 'template name or path', DEFAULT_DRAFT_TEMPLATE)
    .option('--photo <file>', 'image for the next caption, in page order; repeat for each (paths relative to the draft)', collect)
    .option('--force', 'overwrite the -o file if it exists')
    .addHelpText(
      'after',
      '\nCaptions without a --photo file stay in print as the first paragraph of their story, with a\n' +
        'comment in the draft; values the page does not give are placeholders, marked the same way.',
    )
    .action(importCommand);
}

async function importCommand(page: string, flags: ImportFlags): Promise<void> {
  const text = await readTextFile(page, 'page text');
  if (flags.output !== undefined && !flags.force && existsSync(flags.output)) {
    throw new BanmianError('output-exists', 'input', 'the output file already exists', { file: flags.output }, 'choose another -o file, or add --force to overwrite it');
  }
  // The importer loads only when this command runs (main.ts registers it with the others).
  const { importPage } = await import('../importer/import-page.js');
  const result = importPage(text, {
    publication: flags.publication,
    issue: flags.issue,
    date: flags.date,
    template: flags.template,
    photoFiles: flags.photo ?? [],
  });
  if (flags.output === undefined) {
    process.stdout.write(result.manifest);
    return;
  }
  await writeFileAtomic(flags.output, new TextEncoder().encode(result.manifest));
  process.stderr.write(`${path.normalize(flags.output)}: ${summarise(result)}\n`);
}

function summarise({ structure, pages }: ImportResult): string {
  const articles = structure.articles.length;
  const captions = structure.articles.reduce((n, a) => n + a.captions.length, 0);
  return `${plural(articles, 'article')} on ${plural(pages.length, 'page')}, ${plural(captions, 'caption')}`;
}

function isoDate(value: string): string {
  if (!isRealIsoDate(value)) throw new InvalidArgumentError('expected a real date written YYYY-MM-DD');
  return value;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
