/**
 * Talking to Commonplace's local clipper service on 127.0.0.1, and remembering how: the port,
 * the token it gave when the person approved the pairing, and a pairing still waiting for them.
 */

export const DEFAULT_PORT = 27417;

/** The app's browser mode (`commonplace serve`); the desktop window does not answer links. */
export const APP_URL = 'http://127.0.0.1:4517/';

const REQUEST_TIMEOUT_MS = 15_000;
const CLIP_TIMEOUT_MS = 180_000;

/** A failure with a sentence a person can act on; `code` follows the service's error codes. */
export class ClipperError extends Error {
  constructor(code, message, status = 0) {
    super(message);
    this.name = 'ClipperError';
    this.code = code;
    this.status = status;
  }
}

/** `{ port, token, pending }` from the extension's storage; `pending` is a pairing not yet answered. */
export async function loadSettings() {
  const stored = await chrome.storage.local.get(['port', 'token', 'pending']);
  return {
    port: Number.isInteger(stored.port) ? stored.port : DEFAULT_PORT,
    token: typeof stored.token === 'string' ? stored.token : null,
    pending: stored.pending && typeof stored.pending.requestId === 'string' ? stored.pending : null,
  };
}

export async function saveSettings(changes) {
  const removed = Object.keys(changes).filter((key) => changes[key] === null);
  const kept = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== null));
  if (removed.length > 0) await chrome.storage.local.remove(removed);
  if (Object.keys(kept).length > 0) await chrome.storage.local.set(kept);
}

/** A port a person typed, or null when it is not one. */
export function parsePort(text) {
  const port = Number(String(text).trim());
  return Number.isInteger(port) && port >= 1 && port <= 65_535 ? port : null;
}

/** The calls the clipper service answers; `token` is needed for clip and lookup. */
export function clipperClient(port, token = null) {
  const call = (method, path, body, timeout = REQUEST_TIMEOUT_MS) =>
    request(port, token, method, path, body, timeout);
  return {
    ping: () => call('GET', '/v1/ping'),
    pair: (name) => call('POST', '/v1/pair', { name }),
    pairStatus: (requestId) => call('POST', '/v1/pair/status', { requestId }),
    clip: (clip) => call('POST', '/v1/clip', clip, CLIP_TIMEOUT_MS),
    lookup: (url) => call('POST', '/v1/lookup', { url }),
  };
}

async function request(port, token, method, path, body, timeout) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeout),
    });
  } catch (error) {
    if (error && error.name === 'TimeoutError')
      throw new ClipperError('timeout', `Commonplace did not answer on port ${port} in time. Try again.`);
    throw new ClipperError(
      'unreachable',
      `Commonplace is not answering on port ${port}. Start the app (or \`commonplace serve\`) and check the port.`,
    );
  }
  const text = await response.text();
  let payload;
  try {
    payload = text === '' ? null : JSON.parse(text);
  } catch {
    payload = null;
  }
  if (response.ok) {
    if (payload === null) throw new ClipperError('internal', `Port ${port} did not answer like Commonplace.`);
    return payload;
  }
  throw errorFor(response.status, payload, port);
}

function errorFor(status, payload, port) {
  const said = payload && typeof payload.message === 'string' ? payload.message : '';
  const code = payload && typeof payload.code === 'string' ? payload.code : 'internal';
  if (status === 401)
    return new ClipperError(
      'unpaired',
      'Commonplace no longer accepts this extension (it was removed there): pair it again.',
      status,
    );
  if (status === 403) return new ClipperError(code, said || 'Commonplace refused this request.', status);
  if (status === 413)
    return new ClipperError(code, said || 'This page is too large to clip, even without its images.', status);
  if (status === 429)
    return new ClipperError(
      code,
      'Commonplace is busy with other requests: wait a moment and try again.',
      status,
    );
  if (status === 404 && !said)
    return new ClipperError(
      'not_found',
      `Port ${port} is not Commonplace's clipper: check the port.`,
      status,
    );
  return new ClipperError(code, said || `Commonplace answered with an error (HTTP ${status}).`, status);
}

/** A name for this browser, shown in the app's list of paired extensions. */
export function browserName() {
  const brands = (navigator.userAgentData?.brands ?? []).map((entry) => entry.brand);
  const agent = navigator.userAgent;
  const brand = agent.includes('Firefox/')
    ? 'Firefox'
    : (['Microsoft Edge', 'Google Chrome', 'Opera', 'Brave', 'Chromium'].find((name) =>
        brands.includes(name),
      ) ?? 'Chromium');
  const system = agent.includes('Windows')
    ? 'Windows'
    : agent.includes('Mac OS')
      ? 'macOS'
      : agent.includes('Linux')
        ? 'Linux'
        : '';
  return `${brand}${system ? ` on ${system}` : ''}`;
}
