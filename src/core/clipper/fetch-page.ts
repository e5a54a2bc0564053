/**
 * Fetching one web address for the clipper: a page to extract, or an image to keep. Redirects are
 * followed here (so they can be counted and checked), the whole exchange has one deadline, the
 * body is read as a stream and cut off at a size limit, and every failure becomes a
 * NotebookError whose message a person can act on.
 */
import { NotebookError } from '../../shared/errors';

export interface FetchOptions {
  /** For the whole exchange, redirects and body included. Default 20 s. */
  timeoutMs?: number;
  /** The most body bytes read (after decompression). Default 10 MiB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** What is expected: an HTML page (anything else is `not_html`) or an image. Default 'html'. */
  accept?: 'html' | 'image';
  /** Aborting it stops the fetch (as a `fetch_failed`). */
  signal?: AbortSignal;
  /** The page an image is for: sent as Referer, as a browser would (some sites refuse images without). */
  referer?: string;
}

export interface FetchedPage {
  /** The final address, after redirects. */
  url: string;
  bytes: Uint8Array;
  /** The Content-Type header as sent, or null. */
  contentType: string | null;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

// Some sites answer an unknown client with a stripped page or a 403; look like a browser.
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Commonplace/0.1';
const ACCEPT = {
  html: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
};

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** Fetches `url`; rejects with invalid_argument, fetch_failed, timeout, too_large or not_html. */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const accept = options.accept ?? 'html';
  let current = parseWebUrl(url);
  const deadline = new DeadlineSignal(timeoutMs, options.signal);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await send(current, accept, deadline, options.referer);
      const location = response.headers.get('location');
      if (isRedirect(response.status)) {
        await discard(response);
        if (location === null) {
          throw new NotebookError(
            'fetch_failed',
            `${current.host} answered with a redirect (HTTP ${response.status}) but did not say where to.`,
          );
        }
        if (redirects >= maxRedirects) {
          throw new NotebookError(
            'fetch_failed',
            `Too many redirects: ${url} was redirected more than ${maxRedirects} times (a redirect loop?).`,
          );
        }
        current = redirectTarget(location, current);
        continue;
      }
      if (!response.ok) {
        await discard(response);
        throw statusError(response.status, current, accept);
      }
      const contentType = response.headers.get('content-type');
      if (accept === 'html') refuseNonHtml(contentType);
      const bytes = await readBody(response, maxBytes, current, deadline);
      if (accept === 'html' && isPdf(bytes)) refuseNonHtml('application/pdf');
      return { url: current.href, bytes, contentType };
    }
  } catch (error) {
    throw deadline.explain(error, current);
  } finally {
    deadline.clear();
  }
}

/** The address as a URL object; invalid_argument unless it is an http(s) address. */
export function parseWebUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new NotebookError('invalid_argument', `"${shorten(url)}" is not a web address.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new NotebookError(
      'invalid_argument',
      `Only http and https addresses can be clipped, not "${shorten(url)}".`,
    );
  }
  return parsed;
}

async function send(
  url: URL,
  accept: 'html' | 'image',
  deadline: DeadlineSignal,
  referer: string | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {
    'User-Agent': USER_AGENT,
    Accept: ACCEPT[accept],
    'Accept-Language': 'en-US,en;q=0.9,*;q=0.5',
  };
  if (referer !== undefined) headers.Referer = referer;
  try {
    return await fetch(url, { redirect: 'manual', signal: deadline.signal, headers });
  } catch (error) {
    throw networkError(error, url);
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function redirectTarget(location: string, from: URL): URL {
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    throw new NotebookError('fetch_failed', `${from.host} redirected to an invalid address.`);
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new NotebookError(
      'fetch_failed',
      `${from.host} redirected to "${shorten(target.href)}", which is not a web address.`,
    );
  }
  return target;
}

function statusError(status: number, url: URL, accept: 'html' | 'image'): NotebookError {
  const what = accept === 'image' ? 'image' : 'page';
  if (status === 404 || status === 410) {
    return new NotebookError('fetch_failed', `The ${what} was not found (HTTP ${status}).`);
  }
  if (status === 401 || status === 403) {
    return new NotebookError(
      'fetch_failed',
      `${url.host} refused access to the ${what} (HTTP ${status}); it may need a login.`,
    );
  }
  if (status === 429) {
    return new NotebookError('fetch_failed', `${url.host} asked to slow down (HTTP 429); try again later.`);
  }
  if (status >= 500) {
    return new NotebookError(
      'fetch_failed',
      `${url.host} had a server error (HTTP ${status}); try again later.`,
    );
  }
  return new NotebookError('fetch_failed', `${url.host} refused the request (HTTP ${status}).`);
}

function refuseNonHtml(contentType: string | null): void {
  if (contentType === null) return; // no claim either way: let the extractor judge the bytes
  const type = mediaType(contentType);
  if (HTML_TYPES.has(type) || type === '') return;
  let what: string;
  if (type === 'application/pdf') {
    throw new NotebookError(
      'not_html',
      'This address is a PDF, not an HTML page — PDF clips are not supported yet.',
    );
  } else if (type.startsWith('image/')) what = `an image (${type})`;
  else if (type === 'application/json' || type.endsWith('+json')) what = 'JSON data';
  else if (type === 'text/plain') what = 'plain text';
  else if (type.startsWith('video/') || type.startsWith('audio/')) what = `a media file (${type})`;
  else what = `${type} content`;
  throw new NotebookError('not_html', `This address is ${what}, not an HTML page.`);
}

// A server that sends no Content-Type (or a wrong one) for a PDF still starts it with `%PDF-`.
function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

async function readBody(
  response: Response,
  maxBytes: number,
  url: URL,
  deadline: DeadlineSignal,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  // Content-Length counts compressed bytes; a declared size over the limit is still over it.
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(response);
    throw tooLarge(maxBytes);
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof NotebookError || deadline.signal.aborted) throw error;
    throw new NotebookError('fetch_failed', `The connection to ${url.host} was cut while reading.`);
  }
  return concat(chunks, size);
}

function tooLarge(maxBytes: number): NotebookError {
  return new NotebookError('too_large', `The download is larger than ${formatBytes(maxBytes)}.`);
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** A network failure as a sentence naming the host. */
function networkError(error: unknown, url: URL): unknown {
  if (!(error instanceof TypeError)) return error; // an abort: the deadline explains it
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME'
      ? 'the name does not resolve.'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused.'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE'
          ? 'the connection was reset.'
          : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
            ? 'there is no route to it (is the network up?).'
            : code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('UNABLE_TO')
              ? `its security certificate is not valid (${code}).`
              : cause?.message === 'bad port'
                ? `port ${url.port} is one browsers never fetch from.`
                : `${cause?.message ?? error.message}.`;
  return new NotebookError('fetch_failed', `Could not reach ${url.host}: ${reason}`);
}

/** The fetch's one deadline, combined with the caller's signal; explains an abort as the right error. */
class DeadlineSignal {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private timedOut = false;
  private readonly onCallerAbort = (): void => this.controller.abort();

  constructor(
    private readonly timeoutMs: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, timeoutMs);
    if (caller?.aborted) this.controller.abort();
    else caller?.addEventListener('abort', this.onCallerAbort);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  explain(error: unknown, url: URL): unknown {
    if (error instanceof NotebookError && !this.controller.signal.aborted) return error;
    if (this.timedOut) {
      return new NotebookError(
        'timeout',
        `${url.host} did not answer in time (gave up after ${formatSeconds(this.timeoutMs)}).`,
      );
    }
    if (this.controller.signal.aborted) return new NotebookError('fetch_failed', 'The download was stopped.');
    return error;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}

function shorten(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}
