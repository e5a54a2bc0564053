import { toErrorInfo } from '@shared/errors';

/** A short sentence for a person, from anything thrown by a notebook call. Never a stack. */
export function errorMessage(error: unknown): string {
  return toErrorInfo(error).message;
}

/** True when the notebook refused a call because the item changed since it was read. */
export function isConflict(error: unknown): boolean {
  return toErrorInfo(error).code === 'conflict';
}
