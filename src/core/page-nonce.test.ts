import { describe, expect, it } from 'vitest';
import { pagePolicy } from '../shared/content-policy';
import { NONCE_META, pageWithStyleNonce } from './page-nonce';

const nonceIn = (html: string): string | undefined =>
  new RegExp(`<meta name="${NONCE_META}" content="([A-Za-z0-9+/=]+)" />`).exec(html)?.[1];

describe('pageWithStyleNonce', () => {
  const html =
    '<!doctype html><html lang="en"><head lang="en"><title>Commonplace</title></head><body></body></html>';

  it('puts a fresh nonce first in the head and allows it, and only it, for styles', () => {
    const first = pageWithStyleNonce(html);
    const nonce = nonceIn(first.html);
    expect(nonce).toHaveLength(24);
    expect(first.html).toBe(
      html.replace('<head lang="en">', `<head lang="en"><meta name="csp-nonce" content="${nonce}" />`),
    );
    expect(first.policy).toBe(pagePolicy(false, nonce));
    expect(first.policy).toContain(`style-src 'self' 'nonce-${nonce}';`);
    expect(first.policy).toContain("script-src 'self';");
    expect(first.policy).not.toContain('unsafe');

    const second = pageWithStyleNonce(html);
    expect(nonceIn(second.html)).not.toBe(nonce);
  });

  it('still gives a nonce to a page without a head', () => {
    const page = pageWithStyleNonce('<title>Bare</title>');
    expect(page.html).toMatch(/^<meta name="csp-nonce" content="[^"]+" \/><title>Bare<\/title>$/);
  });
});
