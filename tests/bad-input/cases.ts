/**
 * The corpus of bad input (tests/bad-input/corpus/*.yaml): what each manifest must fail with.
 * The manifests are variations of corpus/good.yaml; the support files sit beside them.
 */

export interface BadInputCase {
  /** corpus/<file>.yaml */
  readonly file: string;
  readonly code: string;
  /** a piece of the message */
  readonly message: string;
  /** the line: a number, or a piece of text on it (in the file the error names) */
  readonly line?: number | string;
  readonly field?: string;
  /** the file the error names, relative to the corpus, when it is not the manifest */
  readonly names?: string;
  /** 1: the issue cannot be laid out; 2: bad input */
  readonly exit: 1 | 2;
  /** also run through the built CLI */
  readonly cli?: boolean;
  /** needs the test to prepare the file system first (a link, permissions) */
  readonly setup?: 'symlink-out' | 'unreadable';
}

export const CASES: readonly BadInputCase[] = [
  { file: 'yaml-unclosed', code: 'yaml-syntax', message: 'YAML syntax error', line: 'pages:', exit: 2, cli: true },
  { file: 'yaml-tab', code: 'yaml-syntax', message: 'YAML syntax error', line: '- articles:', exit: 2 },
  { file: 'two-documents', code: 'yaml-two-documents', message: 'holds a second YAML document', line: '---', exit: 2 },
  { file: 'duplicate-key', code: 'duplicate-key', message: 'the same key appears twice', line: 'date: 2024-11-29', exit: 2 },
  { file: 'empty-file', code: 'empty-file', message: 'the manifest is empty', line: 1, exit: 2 },
  { file: 'unknown-field', code: 'unknown-field', message: 'unknown field "headlin"', line: 'headlin:', field: 'pages[0].articles[0].headlin', exit: 2, cli: true },
  { file: 'unknown-field-camel', code: 'unknown-field', message: 'unknown field "continueOn"', line: 'continueOn', field: 'pages[0].articles[0].continueOn', exit: 2 },
  { file: 'missing-headline', code: 'missing-field', message: 'missing required field "headline"', line: 'id: second', field: 'pages[1].articles[0].headline', exit: 2 },
  { file: 'wrong-type-columns', code: 'wrong-type', message: '"columns" should be a number, but it is the text "three"', line: 'columns: three', field: 'pages[0].articles[0].columns', exit: 2 },
  { file: 'wrong-type-pages', code: 'wrong-type', message: '"pages" should be a list', line: 'section:', field: 'pages', exit: 2 },
  { file: 'bad-date', code: 'bad-date', message: 'date 2024-02-30 does not exist in the calendar', line: 3, field: 'date', exit: 2, cli: true },
  { file: 'bad-date-format', code: 'bad-date', message: 'is not an ISO date (YYYY-MM-DD)', line: 3, field: 'date', exit: 2 },
  { file: 'unknown-template', code: 'unknown-template', message: 'unknown template "tabliod"', line: 4, field: 'template', exit: 2 },
  { file: 'unknown-font', code: 'unknown-font', message: 'unknown font family "Noto Sans TC"', line: 'Noto Sans TC', field: 'styles.headline.family', names: 'templates/bad-font.yaml', exit: 2, cli: true },
  { file: 'missing-photo', code: 'missing-file', message: 'photo not found', line: 'photos/nowhere.jpg', field: 'pages[0].articles[0].photos[0].file', exit: 2, cli: true },
  { file: 'unreadable-photo', code: 'unreadable-file', message: 'permission denied', line: 'photos/unreadable.jpg', exit: 2, setup: 'unreadable' },
  { file: 'truncated-photo', code: 'truncated-image', message: 'is cut short', line: 'photos/truncated.jpg', field: 'pages[0].articles[0].photos[0].file', exit: 2, cli: true },
  { file: 'corrupt-photo', code: 'corrupt-image', message: 'is damaged', line: 'photos/corrupt.jpg', exit: 2 },
  { file: 'empty-photo', code: 'truncated-image', message: 'is empty (0 bytes)', line: 'photos/empty.jpg', exit: 2 },
  { file: 'not-an-image', code: 'not-an-image', message: 'is not an image', line: 'photos/not-an-image.jpg', exit: 2, cli: true },
  { file: 'svg-photo', code: 'unsupported-image', message: 'is a SVG image', line: 'photos/drawing.svg', exit: 2 },
  { file: 'huge-photo', code: 'image-too-large', message: '60000 × 60000 pixels', line: 'photos/huge.png', exit: 2 },
  { file: 'missing-body-file', code: 'missing-file', message: 'body file not found', line: 'articles/third.md', field: 'pages[1].articles[0].body_file', exit: 2 },
  { file: 'body-not-utf8', code: 'not-utf8', message: 'is not valid UTF-8 text (first bad byte on line 3)', line: 3, names: 'articles/gbk.md', exit: 2, cli: true },
  { file: 'path-dotdot', code: 'unsafe-path', message: `leaves the manifest's folder`, line: '../second.md', exit: 2, cli: true },
  { file: 'path-absolute', code: 'unsafe-path', message: 'is absolute', line: '/etc/hosts', exit: 2 },
  { file: 'path-symlink-out', code: 'unsafe-path', message: 'is a symbolic link', line: 'outside-link.md', exit: 2, setup: 'symlink-out' },
  { file: 'path-url', code: 'unsafe-path', message: 'is a URL; banmian never downloads anything', line: 'https://', exit: 2 },
  { file: 'duplicate-id', code: 'duplicate-id', message: 'article id "lead" is already used on page 1', line: 22, field: 'pages[1].articles[0].id', exit: 2 },
  { file: 'continue-on-missing-page', code: 'bad-continue-on', message: 'continue_on: 3, but the issue has only 2 pages', line: 'continue_on', exit: 2 },
  { file: 'continue-on-earlier', code: 'bad-continue-on', message: `continue_on: 1 is not after the article's own page 2`, line: 'continue_on: 1', exit: 2 },
  { file: 'empty-page', code: 'empty-page', message: 'page 2 has no articles', line: 'articles: []', field: 'pages[1].articles', exit: 2, cli: true },
  { file: 'missing-glyph', code: 'missing-glyph', message: 'no configured font can draw “𠀀” (U+20000) in the body style', line: '𠀀', field: 'pages[0].articles[0].body', exit: 1, cli: true },
  { file: 'invisible-char', code: 'missing-glyph', message: 'U+200B (ZERO WIDTH SPACE)', line: 'headline: 第二', field: 'pages[1].articles[0].headline', exit: 1 },
  { file: 'billion-laughs', code: 'too-many-aliases', message: 'YAML aliases', line: 2, exit: 2, cli: true },
  { file: 'deep-nesting', code: 'yaml-too-deep', message: 'nests lists or mappings too deeply', line: 4, exit: 2 },
  { file: 'text-too-long', code: 'text-too-long', message: 'the limit is 20', line: 'body: |', field: 'pages[0].articles[0].body', exit: 2 },
];
