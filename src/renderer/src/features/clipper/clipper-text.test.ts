import { describe, expect, it } from 'vitest';
import type { PairingRequest } from '@shared/types';
import {
  applyPairingEvent,
  formatCode,
  formatCountdown,
  secondsLeft,
  serviceStatus,
  shortOrigin,
  unexpired,
} from './clipper-text';

const request = (requestId: string, expires = '2025-03-05T10:02:00Z'): PairingRequest => ({
  requestId,
  name: 'Commonplace Clipper',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
  code: '482913',
  expires,
});

describe('clipper text', () => {
  it('says where the service listens, or how to start it', () => {
    expect(serviceStatus(27417)).toBe('Listening on 127.0.0.1:27417');
    expect(serviceStatus(null)).toBe('Not running — start `commonplace serve`');
  });

  it('shortens an extension origin to its browser and the start of its id', () => {
    expect(shortOrigin('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).toBe('Chromium · abcdefgh…');
    expect(shortOrigin('moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBe('Firefox · 0f1e2d3c…');
    expect(shortOrigin('chrome-extension://short')).toBe('Chromium · short');
    expect(shortOrigin('not an origin')).toBe('not an origin');
  });

  it('groups the code and counts down', () => {
    expect(formatCode('482913')).toBe('482 913');
    expect(formatCode('12')).toBe('12');
    const now = Date.parse('2025-03-05T10:00:15Z');
    expect(secondsLeft('2025-03-05T10:02:00Z', now)).toBe(105);
    expect(secondsLeft('2025-03-05T10:00:00Z', now)).toBe(0);
    expect(secondsLeft('whenever', now)).toBe(0);
    expect(formatCountdown(105)).toBe('1:45');
    expect(formatCountdown(9)).toBe('0:09');
  });
});

describe('pairing queue', () => {
  it('adds a request once, keeps the order, and drops it when answered elsewhere', () => {
    const a = request('a');
    const b = request('b');
    let queue = applyPairingEvent([], { type: 'pairing', request: a, requestId: 'a' });
    queue = applyPairingEvent(queue, { type: 'pairing', request: b, requestId: 'b' });
    queue = applyPairingEvent(queue, { type: 'pairing', request: { ...a, name: 'Renamed' }, requestId: 'a' });
    expect(queue.map((r) => `${r.requestId}:${r.name}`)).toEqual(['a:Renamed', 'b:Commonplace Clipper']);
    queue = applyPairingEvent(queue, { type: 'pairing', request: null, requestId: 'a' });
    expect(queue.map((r) => r.requestId)).toEqual(['b']);
    expect(applyPairingEvent(queue, { type: 'pairing', request: null, requestId: 'zzz' })).toBe(queue);
  });

  it('forgets expired requests', () => {
    const queue = [request('old', '2025-03-05T10:00:00Z'), request('new', '2025-03-05T10:02:00Z')];
    const now = Date.parse('2025-03-05T10:01:00Z');
    expect(unexpired(queue, now).map((r) => r.requestId)).toEqual(['new']);
    expect(unexpired(queue, Date.parse('2025-03-05T09:00:00Z'))).toBe(queue);
  });
});
