/**
 * Serves the built renderer (`out/renderer`) read-only. Paths are resolved segment by segment and
 * any `..`, encoded or not, is refused, so nothing outside the folder is ever read.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, isAbsolute, sep } from 'node:path';
import { pageWithStyleNonce } from '../core/page-nonce';
import { safeRelativePath } from '../core/url-path';
import { contentTypeFor } from '../shared/content-types';
import { NotebookError } from '../shared/errors';
import { HttpError, sendFile, sendText } from './http-util';

export { contentTypeFor };

const NOT_BUILT =
  'The Commonplace web interface is not built yet. Run `npm run build` in the project, then reload this page.\n';

/** Answers GET/HEAD for a file of the renderer; `/` is index.html. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  rendererDir: string | undefined,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'invalid_argument', 'Only GET and HEAD are allowed here.', {
      Allow: 'GET, HEAD',
    });
  }
  if (rendererDir === undefined || !(await isFile(join(rendererDir, 'index.html')))) {
    sendText(res, 503, NOT_BUILT);
    return;
  }
  const root = await realpath(rendererDir);
  const relativePath = pathname === '/' ? 'index.html' : safeRelativePath(pathname);
  const file = relativePath === null ? null : await resolveInside(root, relativePath);
  if (file === null) throw new NotebookError('not_found', 'There is no such file.');
  const type = contentTypeFor(file);
  res.statusCode = 200;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', 'no-cache');
  if (type.startsWith('text/html')) {
    // The page: small, read whole, served with its own style nonce.
    const page = pageWithStyleNonce(await readFile(file, 'utf8'));
    const body = Buffer.from(page.html);
    res.setHeader('Content-Length', body.length);
    res.setHeader('Content-Security-Policy', page.policy);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.setHeader('Content-Length', (await stat(file)).size);
  await sendFile(req, res, file);
}

// Follows symlinks and checks the real file is still inside the renderer folder.
async function resolveInside(root: string, relativePath: string): Promise<string | null> {
  let real: string;
  try {
    real = await realpath(join(root, relativePath));
  } catch {
    return null;
  }
  const rel = relative(root, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return (await isFile(real)) ? real : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
