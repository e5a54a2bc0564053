/**
 * The clipper service's routes, under /v1. Origin and Host are already checked (guard.ts); this
 * file decides, per route, whether an extension origin and a paired token are needed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs, type NotebookApi } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import type { ClipResult, PairedExtension, PairingRequest } from '../../shared/types';
import { HttpError, isJsonContentType, readJsonBody, sendJson } from '../http-util';
import { bearerToken, requireExtension, unauthorized } from './guard';
import type { RateLimiter } from './rate-limit';
import { clipBody, lookupBody, pairBody, pairStatusBody, parseOr } from './schemas';
import { commentNote, pageHtml } from './clip-input';

/** The largest body of POST /v1/clip: a page with its images, base64. */
export const CLIP_BODY_LIMIT = 64 * 1024 * 1024;
/** The largest body of every other route. */
export const SMALL_BODY_LIMIT = 64 * 1024;

/** What the service needs of the core's ExtensionPairing. */
export interface ClipperPairing {
  clipperPort: number | null;
  request(input: { name: string; origin: string }): PairingRequest;
  poll(
    requestId: string,
    origin: string,
  ): { status: 'pending' | 'approved' | 'denied' | 'expired'; token?: string; extension?: PairedExtension };
  verify(token: string, origin: string): PairedExtension | null;
}

/** What the service needs of the notebook. */
export interface ClipperNotebook extends Pick<NotebookApi, 'clip' | 'findClip' | 'createNote'> {
  readonly pairing: ClipperPairing;
}

export interface RouteContext {
  notebook: ClipperNotebook;
  /** The extension origin, or null when the request sent no Origin. */
  origin: string | null;
  url: URL;
  limits: { pair: RateLimiter; poll: RateLimiter };
}

/** What the answer to POST /v1/clip holds: the clip, and the note made of a comment if any. */
export interface ClipAnswer extends ClipResult {
  note: { id: string; title: string } | null;
}

/** A route's name for logs: never the request id, the query or anything else it carried. */
export function routeName(pathname: string): string {
  return pathname;
}

export async function handleRoute(
  req: IncomingMessage,
  res: ServerResponse,
  context: RouteContext,
): Promise<void> {
  const { pathname } = context.url;
  if (pathname === '/v1/ping') {
    requireMethod(req, 'GET');
    sendJson(res, 200, { app: 'commonplace', version: 1 });
    return;
  }
  if (pathname === '/v1/pair') return startPairing(req, res, context);
  // POST, not GET, for everything an extension sends: Chromium sends no Origin with an
  // extension's GET, and every answer here depends on which extension asks.
  if (pathname === '/v1/pair/status') return pollPairing(req, res, context);
  if (pathname === '/v1/clip') return clip(req, res, context);
  if (pathname === '/v1/lookup') return lookup(req, res, context);
  // 404 to an extension; 403 to a request without an Origin (web pages were refused already).
  requireExtension(context.origin);
  throw new NotebookError('not_found', 'There is no such route.');
}

async function startPairing(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  const origin = requireExtension(context.origin);
  requireMethod(req, 'POST');
  context.limits.pair.take(origin, 'pairing requests');
  const { name } = parseOr(pairBody, await readJson(req, SMALL_BODY_LIMIT), 'pairing request');
  const { requestId, code, expires } = context.notebook.pairing.request({ name, origin });
  sendJson(res, 202, { requestId, code, expires });
}

async function pollPairing(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  const origin = requireExtension(context.origin);
  requireMethod(req, 'POST');
  context.limits.poll.take(origin, 'pairing checks');
  const { requestId } = parseOr(pairStatusBody, await readJson(req, SMALL_BODY_LIMIT), 'pairing check');
  const { status, token, extension } = context.notebook.pairing.poll(requestId, origin);
  // The core binds a request to its origin; checked again here so no token can leave for another.
  const mine = extension !== undefined && extension.origin === origin;
  sendJson(res, 200, {
    status,
    ...(mine && token !== undefined ? { token } : {}),
    ...(mine ? { extension } : {}),
  });
}

async function clip(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  authorise(req, context);
  requireMethod(req, 'POST');
  const body = parseOr(clipBody, await readJson(req, CLIP_BODY_LIMIT), 'clip');
  // Everything is checked before the clip is made; the note only once the clip exists.
  const args = parseArgs('clip', {
    url: body.url,
    html: pageHtml(body),
    mode: body.mode === 'article' ? 'article' : 'page',
    tags: body.tags ?? [],
    images: body.images,
  });
  const result = await context.notebook.clip(args);
  const note = commentNote(result.clip, body.comment);
  const created = note === null ? null : await context.notebook.createNote(parseArgs('createNote', note));
  const answer: ClipAnswer = { ...result, note: created && { id: created.id, title: created.title } };
  sendJson(res, 200, answer);
}

async function lookup(req: IncomingMessage, res: ServerResponse, context: RouteContext): Promise<void> {
  authorise(req, context);
  requireMethod(req, 'POST');
  const { url } = parseOr(lookupBody, await readJson(req, SMALL_BODY_LIMIT), 'lookup');
  const { clip: found } = await context.notebook.findClip(parseArgs('findClip', { url }));
  sendJson(res, 200, { clip: found && { id: found.id, title: found.title } });
}

/** Throws 401 unless the request carries the token of an extension paired with its origin. */
function authorise(req: IncomingMessage, context: RouteContext): PairedExtension {
  const origin = requireExtension(context.origin);
  const token = bearerToken(req);
  const extension = token === null ? null : context.notebook.pairing.verify(token, origin);
  if (extension === null) throw unauthorized();
  return extension;
}

function requireMethod(req: IncomingMessage, method: 'GET' | 'POST'): void {
  if (req.method === method) return;
  throw new HttpError(405, 'invalid_argument', `Use ${method} for this route.`, { Allow: method });
}

/** Reads a JSON body of at most `limit` bytes, sent as application/json. */
async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(415, 'invalid_argument', 'Send JSON with Content-Type: application/json.');
  }
  try {
    return await readJsonBody(req, limit);
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) {
      throw new HttpError(413, 'too_large', `The request body is larger than ${describeSize(limit)}.`);
    }
    throw error;
  }
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}
