/** Awaiting an expected failure as its `{ code, message }`, to assert on both with plain types. */
import { NotebookError } from '../../src/shared/errors';
import type { ErrorInfo } from '../../src/shared/errors';

/** Resolves to the NotebookError `promise` rejects with; fails if it resolves or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<ErrorInfo> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotebookError) return error.toJSON();
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}
