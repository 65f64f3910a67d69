/** Test helper: the BanmianError for bad input a promise must fail with (any other outcome fails). */
import { expect } from 'vitest';
import { BanmianError } from '../../src/errors.js';

export async function inputFailure(promise: Promise<unknown>): Promise<BanmianError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BanmianError)) throw new Error(`expected a BanmianError, got ${String(error)}`);
  expect(error.kind).toBe('input');
  expect(error.exitStatus).toBe(2);
  return error;
}
