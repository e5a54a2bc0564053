/** Small helpers for answering requests: JSON bodies in and out, errors as `{ code, message }`. */
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotebookError, type ErrorCode, type ErrorInfo } from '../shared/errors';

/** The largest request body the API reads; larger ones get 413 `too_large`. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The HTTP status each error code is answered with. */
export const statusForCode: Record<ErrorCode, number> = {
  invalid_argument: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  locked: 409,
  too_large: 413,
  rate_limited: 429,
  not_html: 422,
  not_article: 422,
  fetch_failed: 502,
  timeout: 504,
  corrupt: 500,
  internal: 500,
};

/** An error that knows its HTTP status (and extra headers) when the code's usual one won't do. */
export class HttpError extends NotebookError {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}) {
    super(code, message);
    this.status = status;
    this.headers = headers;
  }
}

/** Headers every response carries, whatever the route. */
export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value === undefined ? null : value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function sendError(res: ServerResponse, status: number, info: ErrorInfo): void {
  if (res.headersSent) {
    // Too late for a status line (a stream was already answering): just end it.
    res.destroy();
    return;
  }
  sendJson(res, status, { code: info.code, message: info.message });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * Sends `file` as the body (headers already set), or nothing for HEAD. Resolves once the answer
 * ended or the client went away; a read error cuts the connection (the headers are gone already).
 */
export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string): Promise<void> {
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/** True for `application/json`, with or without parameters, as long as any charset is UTF-8. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

/**
 * Reads a JSON body of at most `limit` bytes. An empty body is `{}` (every method takes one
 * object). Stops reading as soon as the limit is passed.
 */
export function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const tooLarge = (): HttpError =>
      new HttpError(413, 'too_large', `The request body is larger than ${limit / (1024 * 1024)} MiB.`);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve({});
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new NotebookError('invalid_argument', 'The request body is not valid JSON.'));
      }
    };
    const onError = (): void => {
      cleanup();
      reject(new NotebookError('invalid_argument', 'The request body could not be read.'));
    };
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
