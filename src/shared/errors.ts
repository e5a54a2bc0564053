/** The fixed set of error codes that cross every boundary (IPC, HTTP, CLI --json). */
export const errorCodes = [
  'invalid_argument',
  'not_found',
  'conflict',
  'locked',
  'corrupt',
  'too_large',
  'fetch_failed',
  'timeout',
  'not_html',
  'not_article',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'unknown_method',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses a boundary: never a stack trace. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

/** An expected failure with a code a caller can act on. */
export class NotebookError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'NotebookError';
    this.code = code;
  }

  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Turns anything thrown into `{ code, message }`; unexpected errors become `internal`. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof NotebookError) return error.toJSON();
  if (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    const { code, message } = error as ErrorInfo;
    return { code, message };
  }
  return { code: 'internal', message: 'Something went wrong inside Commonplace.' };
}

/** Rebuilds a NotebookError from its wire form (renderer and CLI clients). */
export function fromErrorInfo(info: unknown): NotebookError {
  if (typeof info === 'object' && info !== null) {
    const { code, message } = info as Partial<ErrorInfo>;
    if (isErrorCode(code) && typeof message === 'string') return new NotebookError(code, message);
  }
  return new NotebookError('internal', 'Malformed error from the notebook.');
}
