import { describe, expect, it, vi } from 'vitest';
import {
  BLOCKED_SENTENCE,
  SILENT_SENTENCE,
  bookmarkletHref,
  bookmarkletSource,
  readClipMessage,
  wantsClip,
  withoutReceiveKey,
} from './bookmarklet';

const app = 'http://127.0.0.1:4321';

type Listener = (event: { source: unknown; origin: string; data: unknown }) => void;

/** Runs the bookmarklet in a stand-in page whose `window.open` returns `opened`. */
function runIn(opened: unknown) {
  const listeners: Listener[] = [];
  const alerts: string[] = [];
  const opens: string[] = [];
  const page = {
    open: (url: string) => {
      opens.push(url);
      if (opened instanceof Error) throw opened;
      return opened;
    },
    addEventListener: (_type: string, listener: Listener) => listeners.push(listener),
    removeEventListener: (_type: string, listener: Listener) =>
      listeners.splice(listeners.indexOf(listener), 1),
  };
  const location = { href: 'https://example.org/post' };
  const document = { title: 'A post', documentElement: { outerHTML: '<html><body>Hi</body></html>' } };
  // The bookmarklet is a script as text: running it in a stand-in page is the point of the test.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const run = new Function('window', 'location', 'document', 'alert', bookmarkletSource(app)) as (
    ...args: unknown[]
  ) => void;
  run(page, location, document, (text: string) => alerts.push(text));
  const say = (event: Parameters<Listener>[0]) => [...listeners].forEach((listener) => listener(event));
  return { alerts, opens, listeners, say };
}

describe('bookmarklet', () => {
  it('is a javascript: URL holding the script', () => {
    const href = bookmarkletHref(app);
    expect(href.startsWith('javascript:')).toBe(true);
    expect(decodeURIComponent(href.slice('javascript:'.length))).toBe(bookmarkletSource(app));
  });

  it('opens the app at #receive-clip and posts the page once the app is ready, to the app only', () => {
    vi.useFakeTimers();
    const target = { postMessage: vi.fn() };
    const page = runIn(target);
    expect(page.opens).toEqual([`${app}/#receive-clip`]);
    page.say({ source: {}, origin: app, data: 'commonplace-ready' });
    page.say({ source: target, origin: 'https://evil.example', data: 'commonplace-ready' });
    expect(target.postMessage).not.toHaveBeenCalled();
    page.say({ source: target, origin: app, data: 'commonplace-ready' });
    page.say({ source: target, origin: app, data: 'commonplace-ready' });
    expect(target.postMessage).toHaveBeenCalledTimes(1);
    expect(target.postMessage).toHaveBeenCalledWith(
      {
        type: 'commonplace-clip',
        url: 'https://example.org/post',
        title: 'A post',
        html: '<html><body>Hi</body></html>',
      },
      app,
    );
    expect(page.listeners).toHaveLength(0);
    vi.runAllTimers();
    expect(page.alerts).toEqual([]);
    vi.useRealTimers();
  });

  it('says so when the page blocks the new window', () => {
    expect(runIn(null).alerts).toEqual([BLOCKED_SENTENCE]);
    expect(runIn(new Error('blocked by policy')).alerts).toEqual([BLOCKED_SENTENCE]);
  });

  it('says so when the app never answers', () => {
    vi.useFakeTimers();
    const page = runIn({ postMessage: vi.fn() });
    vi.runAllTimers();
    expect(page.alerts).toEqual([SILENT_SENTENCE]);
    vi.useRealTimers();
  });
});

describe('receiving a page', () => {
  it('knows the receive fragment, alone or after the token was taken out', () => {
    expect(wantsClip('#receive-clip')).toBe(true);
    expect(wantsClip('#receive-clip=')).toBe(true);
    expect(wantsClip('#token=abc&receive-clip')).toBe(true);
    expect(wantsClip('')).toBe(false);
    expect(wantsClip('#receive')).toBe(false);
    expect(withoutReceiveKey('#receive-clip=')).toBe('');
    expect(withoutReceiveKey('#a=1&receive-clip')).toBe('#a=1');
  });

  it('takes a well-formed page and ignores anything else', () => {
    const page = { type: 'commonplace-clip', url: 'https://example.org/', title: 'T', html: '<p>x</p>' };
    expect(readClipMessage(page)).toEqual({ url: page.url, title: 'T', html: '<p>x</p>' });
    expect(readClipMessage({ ...page, title: 5 })).toEqual({ url: page.url, title: '', html: '<p>x</p>' });
    expect(readClipMessage('commonplace-clip')).toBeNull();
    expect(readClipMessage(null)).toBeNull();
    expect(readClipMessage({ ...page, type: 'other' })).toBeNull();
    expect(readClipMessage({ ...page, url: 'javascript:alert(1)' })).toBeNull();
    expect(readClipMessage({ ...page, html: 42 })).toBeNull();
    expect(readClipMessage({ ...page, html: '   ' })).toBeNull();
    expect(readClipMessage({ ...page, html: 'x'.repeat(20_000_001) })).toBeNull();
  });
});
