/**
 * The renderer's one door to the notebook, and the only file that touches `window.notebook`
 * or fetches `/api`. Desktop: the preload bridge. Browser: HTTP + Server-Sent Events against
 * `commonplace serve`. Both are built by looping over `methodNames`.
 */
import { methodNames, type ApiResults, type ArgsIn, type MethodName, type NotebookClient } from '@shared/api';
import { BRIDGE_GLOBAL, type BridgeResult, type NotebookBridge } from '@shared/bridge';
import { NotebookError, fromErrorInfo } from '@shared/errors';
import type { NotebookEvent } from '@shared/types';
import { createSseParser } from './sse';
import { takeToken } from './token';

type Call = <M extends MethodName>(method: M, args: ArgsIn<M>) => Promise<ApiResults[M]>;
type Listener = (event: NotebookEvent) => void;

const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 15_000;

function buildClient(call: Call, onEvent: NotebookClient['onEvent']): NotebookClient {
  const client: Record<string, unknown> = { onEvent };
  for (const method of methodNames) {
    client[method] = (args: ArgsIn<typeof method> = {}) => call(method, args);
  }
  return client as NotebookClient;
}

function bridgeClient(bridge: NotebookBridge): NotebookClient {
  const call: Call = async (method, args) => {
    const invoke = bridge[method] as (a: typeof args) => Promise<BridgeResult<ApiResults[typeof method]>>;
    const result = await invoke(args);
    if (!result.ok) throw fromErrorInfo(result.error);
    return result.value;
  };
  return buildClient(call, (listener) => bridge.onEvent(listener));
}

const unreachable = (): NotebookError =>
  new NotebookError(
    'internal',
    'Commonplace is not reachable. Check that `commonplace serve` is still running.',
  );

/**
 * Trades the token for the cookie that lets the page's own `<img src="assets/…">` load clip
 * images from the library (an image request cannot carry the Authorization header). Failing
 * costs only the images, so it never stops the app.
 */
async function openSession(auth: Record<string, string>): Promise<void> {
  try {
    await fetch('/api/session', { method: 'POST', headers: auth, credentials: 'same-origin' });
  } catch {
    // Unreachable now: the calls that follow will say so.
  }
}

function httpClient(token: string): NotebookClient {
  const auth = { Authorization: `Bearer ${token}` };
  // Every call waits for the session, so no clip reaches the reader before its images can load.
  const session = openSession(auth);
  const call: Call = async (method, args) => {
    await session;
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(args ?? {}),
      });
    } catch {
      throw unreachable();
    }
    if (!res.ok) throw fromErrorInfo(await res.json().catch(() => null));
    return (await res.json()) as ApiResults[typeof method];
  };
  return buildClient(call, eventStream(auth, call));
}

function isNotebookEvent(value: unknown): value is NotebookEvent {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

async function readEvents(body: ReadableStream<Uint8Array>, emit: Listener): Promise<void> {
  const feed = createSseParser((frame) => {
    if (frame.event !== 'notebook') return;
    try {
      const event: unknown = JSON.parse(frame.data);
      if (isNotebookEvent(event)) emit(event);
    } catch {
      // A frame that is not JSON is not ours to act on.
    }
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return feed(decoder.decode());
    feed(decoder.decode(value, { stream: true }));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * `GET /api/events` read through fetch (EventSource cannot send the Authorization header),
 * reconnecting with backoff while anyone listens. Events missed while disconnected are
 * announced after reconnecting as one `items-changed` with no ids ("something may have changed").
 */
function eventStream(auth: Record<string, string>, call: Call): NotebookClient['onEvent'] {
  const listeners = new Set<Listener>();
  let controller: AbortController | null = null;
  const emit: Listener = (event) => listeners.forEach((listener) => listener(event));

  async function run(signal: AbortSignal): Promise<void> {
    let delay = RETRY_FIRST_MS;
    let connectedBefore = false;
    while (!signal.aborted) {
      try {
        const res = await fetch('/api/events', { headers: { ...auth, Accept: 'text/event-stream' }, signal });
        if (res.ok && res.body) {
          if (connectedBefore) {
            const info = await call('getLibraryInfo', {});
            emit({ type: 'items-changed', ids: [], rev: info.rev });
          }
          connectedBefore = true;
          delay = RETRY_FIRST_MS;
          await readEvents(res.body, emit);
        }
      } catch {
        // Dropped or refused: fall through to the backoff and try again.
      }
      await sleep(delay, signal);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  return (listener) => {
    listeners.add(listener);
    if (!controller) {
      controller = new AbortController();
      void run(controller.signal);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && controller) {
        controller.abort();
        controller = null;
      }
    };
  };
}

let client: NotebookClient | undefined;

/** True in the desktop app (the preload bridge is there), false in a browser tab. */
export function isDesktop(): boolean {
  return BRIDGE_GLOBAL in globalThis;
}

/**
 * The notebook client for this window. Throws `unauthorized` in the browser when the page was
 * opened without the token that `commonplace serve` prints.
 */
export function getClient(): NotebookClient {
  if (client) return client;
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as NotebookBridge | undefined;
  if (bridge) return (client = bridgeClient(bridge));
  const token = takeToken();
  if (!token) {
    throw new NotebookError('unauthorized', 'This page was opened without its key.');
  }
  return (client = httpClient(token));
}
