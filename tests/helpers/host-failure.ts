import { expect } from 'vitest';
import { HostError } from '../../src/contract/envelope';

/** The HostError a promise rejects with; fails the test if it resolves or throws anything else. */
export async function hostFailure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}
