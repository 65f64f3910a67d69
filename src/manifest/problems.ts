/**
 * Validation problems and how they become one BanmianError: zod issues are translated into the
 * user's terms (field path, line, column, a hint), and the first problem in the file is thrown.
 */

import { z } from 'zod';
import { BanmianError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { formatFieldPath, positionOfPath, type PathKey, type YamlSource } from './yaml-source.js';

export interface Problem {
  /** BanmianError code: unknown-field, missing-field, wrong-type, bad-date … */
  readonly code: string;
  readonly path: readonly PathKey[];
  readonly message: string;
  readonly hint?: string;
  /** locate the key of the last path element rather than its value (unknown fields) */
  readonly atKey?: boolean;
}

/** Custom checks in schemas put their code and hint here: `params: { code, hint }`. */
export interface ProblemParams {
  readonly code?: string;
  readonly hint?: string;
}

/** Validate, or throw the first problem (in file order) as a BanmianError. */
export function parseOrThrow<T extends z.ZodType>(schema: T, source: YamlSource, what: string): z.output<T> {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return result.data;
  throwFirstProblem(source, issuesToProblems(result.error.issues, source.data, schema, what));
}

export function throwFirstProblem(source: YamlSource, problems: readonly Problem[]): never {
  const located = problems.map((problem) => ({ problem, at: positionOfPath(source, problem.path, problem.atKey) }));
  located.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column);
  const first = located[0];
  if (!first) throw new Error('throwFirstProblem called without problems');
  throw problemToError(source.file, first.problem, first.at);
}

function problemToError(file: string, problem: Problem, at: { line: number; column: number }): BanmianError {
  const field = formatFieldPath(problem.path);
  return new BanmianError(problem.code, 'input', problem.message, { file, line: at.line, column: at.column, field: field || undefined }, problem.hint);
}

function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  data: unknown,
  schema: z.ZodType,
  what: string,
): Problem[] {
  const problems = issues.flatMap((issue) => issueToProblems(issue, data, schema, what));
  // A misspelt key shows up twice: as an unknown key and as a missing one. Keep the unknown key,
  // whose hint names the right spelling.
  const misspeltIn = new Set(problems.filter((p) => p.code === 'unknown-field').map((p) => formatFieldPath(p.path.slice(0, -1))));
  return problems.filter((p) => !(p.code === 'missing-field' && misspeltIn.has(formatFieldPath(p.path.slice(0, -1)))));
}

function issueToProblems(issue: z.core.$ZodIssue, data: unknown, schema: z.ZodType, what: string): Problem[] {
  const path = issue.path.filter((key): key is PathKey => typeof key !== 'symbol');
  const name = fieldName(path, what);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(schema, path);
    return issue.keys.map((key) => {
      return {
        code: 'unknown-field',
        path: [...path, key],
        message: `unknown field "${key}"`,
        hint: didYouMean(key, allowed, `allowed here: ${allowed.join(', ')}`),
        atKey: true,
      };
    });
  }

  const value = valueAt(data, path);
  if (value === undefined && path.length > 0) {
    return [{ code: 'missing-field', path, message: `missing required field ${name}`, hint: `add a line \`${String(path.at(-1))}: …\`` }];
  }
  if (value === null && path.length > 0) {
    return [{ code: 'missing-field', path, message: `${name} is empty`, hint: 'write a value after the colon' }];
  }
  if (data === null || data === undefined) {
    return [{ code: 'empty-file', path, message: `the ${what} is empty`, hint: 'see docs/manifest.md for an example' }];
  }

  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as ProblemParams;
      return [{ code: params.code ?? 'invalid', path, message: issue.message, hint: params.hint ?? 'see docs/manifest.md' }];
    }
    case 'invalid_type':
      return [wrongType(path, name, issue.expected, value)];
    case 'too_small':
      if (issue.origin === 'string') return [{ code: 'empty-field', path, message: `${name} is empty`, hint: 'write a value or remove the line' }];
      return [{ code: 'bad-number', path, message: `${name} must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}, not ${String(value)}`, hint: `use a larger number` }];
    case 'too_big':
      return [{ code: 'bad-number', path, message: `${name} must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}, not ${String(value)}`, hint: 'use a smaller number' }];
    case 'invalid_value':
      return [{ code: 'bad-value', path, message: `${name} must be one of ${issue.values.map(String).join(', ')}, not ${JSON.stringify(value)}`, hint: `write one of: ${issue.values.map(String).join(', ')}` }];
    default:
      return [{ code: 'invalid', path, message: `${name}: ${issue.message}`, hint: 'see docs/manifest.md for the allowed values' }];
  }
}

const EXPECTED: Record<string, { noun: string; hint: string }> = {
  string: { noun: 'text', hint: 'write the text after the colon on the same line, or use `|` and indented lines for several lines' },
  int: { noun: 'a whole number', hint: 'write a whole number such as 2' },
  number: { noun: 'a number', hint: 'write a number such as 4.5' },
  array: { noun: 'a list', hint: 'put each item on its own indented line starting with `- `' },
  object: { noun: 'a mapping of `key: value` lines', hint: 'indent the fields under it, one `key: value` per line' },
  boolean: { noun: 'true or false', hint: 'write true or false' },
};

function wrongType(path: readonly PathKey[], name: string, expected: string, value: unknown): Problem {
  const want = EXPECTED[expected] ?? { noun: expected, hint: `write ${expected}` };
  return { code: 'wrong-type', path, message: `${name} should be ${want.noun}, but it is ${describe(value)}`, hint: want.hint };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the fraction ${value}`;
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value)}`;
  return String(value);
}

function fieldName(path: readonly PathKey[], what: string): string {
  const last = path.at(-1);
  if (last === undefined) return `the ${what}`;
  return typeof last === 'number' ? `item ${last + 1} of "${String(path.at(-2))}"` : `"${last}"`;
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathKey, unknown>)[key];
  }
  return value;
}

/** The keys a strict object schema allows at `path`, for "did you mean" hints. */
function allowedKeysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let current = unwrap(schema);
  for (const key of path) {
    if (current instanceof z.ZodObject && typeof key === 'string') {
      const next = (current.shape as Record<string, z.ZodType | undefined>)[key];
      if (!next) return [];
      current = unwrap(next);
    } else if (current instanceof z.ZodArray) {
      current = unwrap(current.element as z.ZodType);
    } else {
      return [];
    }
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Through optional, nullable, default and pipe wrappers to the schema that has the shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}
