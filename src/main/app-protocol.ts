/**
 * What `app://commonplace/…` answers, as plain Node: the built renderer, and the images clips
 * keep in the library's `assets/`. No Electron here, so it is tested on real folders.
 */
import { pageWithStyleNonce } from '../core/page-nonce';
import { safeRelativePath } from '../core/url-path';
import { contentTypeFor } from '../shared/content-types';
import { ASSET_POLICY, PAGE_POLICY } from '../shared/content-policy';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'commonplace';
/** The page the window shows; clip HTML's relative `assets/…` resolves against it. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** `<sha256>.<ext>`, as the clipper names the files it stores. */
const ASSET_NAME = /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/;
const ASSETS_PREFIX = '/assets/';

export interface AppRoots {
  /** The built renderer, `out/renderer`. */
  rendererDir: string;
  /** The library's `assets/` folder. */
  assetsDir: string;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * Answers one request. Only GET on host `commonplace`; `/` and `/index.html` are the page,
 * `/assets/<sha256>.<ext>` is a library asset (nothing else under `/assets/` exists: the
 * renderer's own files are built into `static/`), any other path a file of the built renderer.
 */
export async function answerAppRequest(url: string, method: string, roots: AppRoots): Promise<AppResponse> {
  const parsed = parseUrl(url);
  if (
    !parsed ||
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.host !== APP_HOST ||
    parsed.username ||
    parsed.password
  )
    return notFound();
  if (method !== 'GET') return reply(405, 'Only GET is allowed.\n', { Allow: 'GET' });

  const path = parsed.pathname;
  if (path.startsWith(ASSETS_PREFIX)) {
    const assetName = path.slice(ASSETS_PREFIX.length);
    const body = ASSET_NAME.test(assetName) ? await readIfFile(join(roots.assetsDir, assetName)) : null;
    return body === null ? notFound() : file(body, assetName, { 'Content-Security-Policy': ASSET_POLICY });
  }
  const relativePath = path === '/' ? 'index.html' : safeRelativePath(path);
  const target = relativePath === null ? null : inside(roots.rendererDir, relativePath);
  const body = target === null ? null : await readIfFile(target);
  if (body === null || target === null) return notFound();
  if (contentTypeFor(target).startsWith('text/html')) {
    // The page, served with its own style nonce.
    const page = pageWithStyleNonce(body.toString('utf8'));
    return file(Buffer.from(page.html), target, {
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': page.policy,
    });
  }
  return file(body, target, { 'Cache-Control': 'no-cache' });
}

function file(body: Buffer, name: string, extra: Record<string, string>): AppResponse {
  const type = contentTypeFor(name);
  return reply(200, body, { 'Content-Type': type, ...extra });
}

function notFound(): AppResponse {
  return reply(404, 'Not found.\n');
}

/** For a file that is there but could not be read; the caller logs why. */
export function readFailure(): AppResponse {
  return reply(500, 'Could not read the file.\n');
}

/** Every answer, errors included, carries the page policy (unless `extra` names a stricter one) and nosniff. */
function reply(status: number, body: Buffer | string, extra: Record<string, string> = {}): AppResponse {
  return {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': PAGE_POLICY,
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    },
    body,
  };
}

// A second, lexical check that the joined path stays under root.
function inside(root: string, relativePath: string): string | null {
  const target = join(root, relativePath);
  const rel = relative(root, target);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? null : target;
}

/** The file's bytes, or null when there is no such file (or it is a folder). */
async function readIfFile(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG') return null;
    throw error;
  }
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
