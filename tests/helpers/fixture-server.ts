/**
 * A real HTTP server on 127.0.0.1 for clipping tests: the pages under `tests/fixtures/pages/`
 * at `/pages/…`, plus scripted routes for every way a fetch can go wrong. No network is mocked:
 * the code under test fetches from this server with the global fetch, as it would from a site.
 *
 *   /pages/<path>           a fixture file (query ignored; `?charset=X` adds a charset to the type)
 *   /article/<slug>         a generated article titled after the slug (`?images=N` adds N images,
 *                           `?canonical=<path>` a rel=canonical link)
 *   /redirect/<n>?to=<path> n redirects, then <path>          /redirect-loop  redirects forever
 *   /status/<code>          that HTTP status                    /reset          drops the connection
 *   /slow                   headers, then a body that never ends /hang          never answers
 *   /doc.pdf /untyped.pdf   a PDF (typed / without Content-Type) /data.json     JSON
 *   /image.png?seed=S       a PNG whose pixels depend on S      /image.jpg      a JPEG
 *   /untyped-image?seed=S   PNG bytes as application/octet-stream /not-image.png HTML as image/png
 *   /big-image.png?mb=N     an image of N MiB                    /protected.png  403 without `Cookie: session=ok`
 *   /huge.html?mb=N         N MiB of HTML, streamed without a length (default 11)
 *   /huge-declared.html     a Content-Length of 50 MiB
 * and any path given to `set()`, which wins over all of the above.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { deflateSync } from 'node:zlib';

export const PAGES_DIR = resolve(__dirname, '..', 'fixtures', 'pages');

export interface ScriptedResponse {
  status?: number;
  /** Content-Type; default `text/html; charset=utf-8`. */
  type?: string | null;
  headers?: Record<string, string>;
  body: string | Uint8Array;
}

export interface FixtureServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  port: number;
  /** `origin + path`. */
  url(path: string): string;
  /** Answers `path` (exactly, query ignored) with `response` from now on. */
  set(path: string, response: ScriptedResponse): void;
  /** How many requests reached `path` (query included when `path` has one). */
  hits(path: string): number;
  /** Every request's path with query, in order. */
  readonly requests: string[];
  /** The headers of the last request for `path` (query included when `path` has one). */
  headersOf(path: string): IncomingHttpHeaders | undefined;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/** A 1×1 baseline JPEG (134 bytes). */
export const JPEG_BYTES = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////' +
    '////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

export async function startFixtureServer(): Promise<FixtureServer> {
  const scripted = new Map<string, ScriptedResponse>();
  const requests: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    headers.push(req.headers);
    handle(req, res, scripted).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen({ host: '127.0.0.1', port: 0 }, done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path) => origin + path,
    set: (path, response) => scripted.set(path, response),
    hits: (path) => requests.filter((seen) => matches(seen, path)).length,
    headersOf: (path) => headers[requests.findLastIndex((seen) => matches(seen, path))],
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  scripted: Map<string, ScriptedResponse>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://fixture.invalid');
  const path = url.pathname;
  const query = url.searchParams;
  const script = scripted.get(path);
  if (script !== undefined) {
    const type = script.type === undefined ? 'text/html; charset=utf-8' : script.type;
    return send(res, script.status ?? 200, type, script.body, script.headers);
  }
  if (path.startsWith('/pages/')) return serveFile(res, path.slice('/pages/'.length), query);
  if (path.startsWith('/article/')) return send(res, 200, 'text/html; charset=utf-8', article(path, query));

  const redirect = /^\/redirect\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    const to = query.get('to') ?? '/pages/';
    const location = left <= 1 ? to : `/redirect/${left - 1}?to=${encodeURIComponent(to)}`;
    return send(res, left % 2 === 0 ? 301 : 302, null, '', { Location: location });
  }
  if (path === '/redirect-loop') return send(res, 302, null, '', { Location: '/redirect-loop-b' });
  if (path === '/redirect-loop-b') return send(res, 307, null, '', { Location: '/redirect-loop' });

  const status = /^\/status\/(\d{3})$/.exec(path);
  if (status) {
    const code = Number(status[1]);
    return send(
      res,
      code,
      'text/html; charset=utf-8',
      `<!doctype html><title>${code}</title><h1>Error ${code}</h1>`,
    );
  }
  switch (path) {
    case '/reset':
      req.socket.destroy();
      return;
    case '/hang':
      return; // never answered; the server's close() ends it
    case '/slow':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><head><title>Slow</title></head><body><p>Loading');
      return; // the rest never comes
    case '/doc.pdf':
      return send(res, 200, 'application/pdf', PDF_BYTES);
    case '/untyped.pdf':
      return send(res, 200, null, PDF_BYTES);
    case '/data.json':
      return send(res, 200, 'application/json', '{"title":"Not a page","items":[1,2,3]}');
    case '/image.png':
      return send(res, 200, 'image/png', makePng(query.get('seed') ?? ''));
    case '/image.jpg':
      return send(res, 200, 'image/jpeg', JPEG_BYTES);
    case '/untyped-image':
      return send(res, 200, 'application/octet-stream', makePng(query.get('seed') ?? 'untyped'));
    case '/not-image.png':
      return send(res, 200, 'image/png', '<!doctype html><title>Soft 404</title><p>Nothing here.</p>');
    case '/big-image.png':
      return send(res, 200, 'image/png', makePng('big', Number(query.get('mb') ?? '11') * 1024 * 1024));
    case '/protected.png':
      if (!/(?:^|;\s*)session=ok(?:;|$)/.test(req.headers.cookie ?? ''))
        return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return send(res, 200, 'image/png', makePng('protected'));
    case '/huge.html':
      return streamHuge(res, Number(query.get('mb') ?? '11') * 1024 * 1024);
    case '/huge-declared.html':
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': String(50 * 1024 * 1024) });
      res.write('<!doctype html><p>');
      return; // the client gives up on the declared length
    default:
      return send(res, 404, 'text/plain; charset=utf-8', 'No such fixture route.');
  }
}

async function serveFile(res: ServerResponse, relative: string, query: URLSearchParams): Promise<void> {
  const file = normalize(join(PAGES_DIR, decodeURIComponent(relative)));
  if (!file.startsWith(PAGES_DIR + sep)) return send(res, 404, 'text/plain', 'Outside the fixtures.');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return send(res, 404, 'text/plain; charset=utf-8', 'No such fixture file.');
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const charset = query.get('charset');
  send(res, 200, charset === null ? type : `${type}; charset=${charset}`, bytes);
}

function send(
  res: ServerResponse,
  status: number,
  type: string | null,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.statusCode = status;
  if (type !== null) res.setHeader('Content-Type', type);
  res.setHeader('Content-Length', bytes.byteLength);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(bytes);
}

function streamHuge(res: ServerResponse, size: number): void {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  const chunk = Buffer.from(`<p>${'All work and no play. '.repeat(2_000)}</p>\n`);
  let sent = 0;
  const pump = (): void => {
    while (sent < size && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('error', () => undefined);
  pump();
}

/** A generated article: enough paragraphs for any extractor, images from this server. */
function article(path: string, query: URLSearchParams): string {
  const slug = decodeURIComponent(path.slice('/article/'.length));
  const title = slug.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  const images = Array.from(
    { length: Number(query.get('images') ?? '0') },
    (_, i) =>
      `<figure><img src="/image.png?seed=${encodeURIComponent(slug)}-${i}" width="640" height="480" alt="Figure ${i + 1}"><figcaption>Figure ${i + 1} of ${title}.</figcaption></figure>`,
  );
  const canonical = query.get('canonical');
  const paragraphs = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of ${title}. The river rose early that year, and the traders of the delta moved ` +
      `their stock to the high ground long before the first boats from the south arrived with news of the ` +
      `harvest. Everyone in the market had an opinion about what it meant for the season ahead.</p>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} | Fixture Times</title>
<meta property="og:site_name" content="Fixture Times">
<meta name="author" content="Ada Fixture">
${canonical === null ? '' : `<link rel="canonical" href="${canonical}">`}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${title}</h1>
${paragraphs.slice(0, 3).join('\n')}
${images.join('\n')}
${paragraphs.slice(3).join('\n')}
</article></main>
<footer><p>© Fixture Times</p></footer>
</body></html>`;
}

/** A PNG whose pixel colours come from `seed` (so different seeds give different files), padded to `minBytes`. */
export function makePng(seed: string, minBytes = 0): Buffer {
  const width = 4;
  const height = 3;
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++)
      rows.push((hash >>> 16) & 255, (hash >>> 8) & 255, (hash + x * 40 + y * 70) & 255);
  }
  const chunks = [
    pngChunk('IHDR', Buffer.from([0, 0, 0, width, 0, 0, 0, height, 8, 2, 0, 0, 0])),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
  ];
  // Ancillary chunks are skipped by decoders: a way to make a large but valid image.
  const padding = minBytes - 57 - 12 * chunks.length;
  if (padding > 0) chunks.push(pngChunk('zPAD', Buffer.alloc(padding, 7)));
  chunks.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), ...chunks]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 255] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function matches(seen: string, path: string): boolean {
  return (path.includes('?') ? seen : pathOf(seen)) === path;
}

function pathOf(url: string): string {
  const end = url.indexOf('?');
  return end === -1 ? url : url.slice(0, end);
}
