/** What the clipper settings and the pairing prompt say: pure, so they are tested without a page. */
import type { NotebookEvent, PairingRequest } from '@shared/types';

/** The service's status line. */
export function serviceStatus(port: number | null): string {
  return port === null ? 'Not running — start `commonplace serve`' : `Listening on 127.0.0.1:${port}`;
}

const browsers: Record<string, string> = {
  'chrome-extension:': 'Chromium',
  'moz-extension:': 'Firefox',
  'safari-web-extension:': 'Safari',
};

/** `chrome-extension://abcdefghijklmnop…` as "Chromium · abcdefgh…": the browser and the id's start. */
export function shortOrigin(origin: string): string {
  const match = /^([a-z-]+:)\/\/([^/]*)/i.exec(origin);
  if (!match) return origin;
  const [, scheme = '', id = ''] = match;
  const browser = browsers[scheme.toLowerCase()] ?? scheme.slice(0, -1);
  return `${browser} · ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`;
}

/** Six digits as two groups of three ("482 913"), easier to compare at a glance. */
export function formatCode(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** Seconds left until `expires` (never below zero). */
export function secondsLeft(expires: string, now: number): number {
  const end = Date.parse(expires);
  return Number.isNaN(end) ? 0 : Math.max(0, Math.ceil((end - now) / 1_000));
}

/** "1:45" for a countdown. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The requests waiting for an answer, oldest first, after a `pairing` event: a new request is
 * added once, an answered or expired one (request null) leaves.
 */
export function applyPairingEvent(
  queue: readonly PairingRequest[],
  event: Extract<NotebookEvent, { type: 'pairing' }>,
): readonly PairingRequest[] {
  const { request, requestId } = event;
  const known = queue.some((waiting) => waiting.requestId === requestId);
  if (request === null) return known ? queue.filter((waiting) => waiting.requestId !== requestId) : queue;
  return known
    ? queue.map((waiting) => (waiting.requestId === requestId ? request : waiting))
    : [...queue, request];
}

/** The requests that have not expired at `now`. */
export function unexpired(queue: readonly PairingRequest[], now: number): readonly PairingRequest[] {
  const live = queue.filter((request) => secondsLeft(request.expires, now) > 0);
  return live.length === queue.length ? queue : live;
}
