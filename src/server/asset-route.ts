/**
 * `GET /assets/<sha256>.<ext>`: a clip's image from the library's `assets/` folder, for the web
 * interface's reader (it writes `<img src="assets/…">`, relative to `/`). Only names of exactly
 * that shape are served — nothing else of the library can be reached — and only to a request with
 * the asset cookie or the token. The answer may be SVG: it is served sandboxed, script-free and
 * never sniffed into something else.
 */
import { ASSET_POLICY } from '../shared/content-policy';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { NotebookError } from '../shared/errors';
import type { AssetSession } from './asset-session';
import { hasToken } from './guard';
import { HttpError, sendFile } from './http-util';

const ASSET_PATH = /^\/assets\/([0-9a-f]{64}\.(png|jpg|gif|webp|avif|svg|bmp|ico))$/;

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  ico: 'image/x-icon',
};

export const ASSET_CONTENT_SECURITY_POLICY = ASSET_POLICY;

/** True for a path this route answers; any other `/assets/…` path is the renderer's own files. */
export function isAssetPath(pathname: string): boolean {
  return ASSET_PATH.test(pathname);
}

export interface AssetContext {
  /** The library folder; without one, there are no assets to serve. */
  libraryDir: string | undefined;
  session: AssetSession;
  token: string;
}

export async function serveAsset(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: AssetContext,
): Promise<void> {
  if (!context.session.accepts(req) && !hasToken(req, context.token)) {
    throw new HttpError(
      401,
      'unauthorized',
      'Open the library first: assets need its session cookie or token.',
    );
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'invalid_argument', 'Only GET and HEAD are allowed here.', {
      Allow: 'GET, HEAD',
    });
  }
  const match = ASSET_PATH.exec(pathname);
  if (match === null || context.libraryDir === undefined) throw notFound();
  const [, name = '', ext = ''] = match;
  const file = join(context.libraryDir, 'assets', name);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw notFound();
    size = info.size;
  } catch {
    throw notFound();
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', IMAGE_TYPES[ext] ?? 'application/octet-stream');
  res.setHeader('Content-Length', size);
  // Content-addressed: a name never changes what it holds.
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.setHeader('Content-Security-Policy', ASSET_CONTENT_SECURITY_POLICY);
  await sendFile(req, res, file);
}

function notFound(): NotebookError {
  return new NotebookError('not_found', 'There is no such asset in the library.');
}
