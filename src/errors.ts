/**
 * The one error type of Banmian. Every failure a user can cause is a BanmianError that names
 * the file, the line and what to do; the CLI prints it without a stack trace.
 */

export type ErrorKind =
  /** bad input: YAML, schema, missing or unsafe file → exit status 2 */
  | 'input'
  /** the issue cannot be laid out: overset, missing glyph → exit status 1 */
  | 'layout';

export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** field path such as pages[2].articles[0].photos[1].file */
  readonly field?: string;
}

export class BanmianError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly location: ErrorLocation;
  readonly hint: string | undefined;

  constructor(
    code: string,
    kind: ErrorKind,
    message: string,
    location: ErrorLocation = {},
    hint?: string,
  ) {
    super(message);
    this.name = 'BanmianError';
    this.code = code;
    this.kind = kind;
    this.location = location;
    this.hint = hint;
  }

  get exitStatus(): 1 | 2 {
    return this.kind === 'layout' ? 1 : 2;
  }

  /** One or two lines for a terminal: `file:line:col: message (field)` then the hint. */
  format(): string {
    const { file, line, column, field } = this.location;
    let where = file ?? '';
    if (file && line !== undefined) where += `:${line}`;
    if (file && line !== undefined && column !== undefined) where += `:${column}`;
    const head = `${where ? `${where}: ` : ''}${this.message}${field ? ` (${field})` : ''}`;
    return this.hint ? `${head}\n  hint: ${this.hint}` : head;
  }
}

export function isBanmianError(value: unknown): value is BanmianError {
  return value instanceof BanmianError;
}
