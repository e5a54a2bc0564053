import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../shared/errors';
import { canonicalizeUrl } from './canonical-url';
import { siteOf } from './canonical-choice';
import { extractArticle } from './extract';

describe('canonicalizeUrl', () => {
  it('drops tracking parameters and keeps the others in order', () => {
    expect(
      canonicalizeUrl(
        'https://example.org/a?utm_source=x&id=3&fbclid=abc&UTM_Campaign=y&page=2&gclid=1&mc_cid=2&mc_eid=3&igshid=4&_ga=5&ref_src=6&yclid=7&msclkid=8&dclid=9',
      ),
    ).toBe('https://example.org/a?id=3&page=2');
  });

  it('lowercases scheme and host, drops the default port and the fragment', () => {
    expect(canonicalizeUrl('HTTPS://Example.ORG:443/Path/Case?q=Keep#section')).toBe(
      'https://example.org/Path/Case?q=Keep',
    );
    expect(canonicalizeUrl('http://example.org:80/')).toBe('http://example.org/');
    expect(canonicalizeUrl('http://example.org:8080/x')).toBe('http://example.org:8080/x');
  });

  it('removes the question mark when no parameter is left, and keeps encodings as written', () => {
    expect(canonicalizeUrl('https://example.org/a?utm_medium=feed')).toBe('https://example.org/a');
    expect(canonicalizeUrl('https://example.org/a?q=caf%C3%A9+au+lait&x=a%2Fb')).toBe(
      'https://example.org/a?q=caf%C3%A9+au+lait&x=a%2Fb',
    );
  });

  it('refuses what is not an http(s) address', () => {
    for (const bad of ['ftp://example.org/', 'javascript:alert(1)', 'not a url', '/relative', '']) {
      expect(() => canonicalizeUrl(bad)).toThrow(NotebookError);
      try {
        canonicalizeUrl(bad);
      } catch (error) {
        expect((error as NotebookError).code).toBe('invalid_argument');
      }
    }
  });
});

describe('the canonical URL of a clipped page', () => {
  const page = (head: string): string =>
    `<html><head>${head}<title>T</title></head><body><article><p>${'Words of the article. '.repeat(20)}</p></article></body></html>`;
  const canonical = (head: string, url: string | null): string | null =>
    extractArticle({ html: page(head), url }).canonicalUrl;

  it('uses rel=canonical (relative ones too), without tracking parameters', () => {
    expect(
      canonical(
        '<link rel="canonical" href="/news/story?utm_source=rss">',
        'https://www.site.example/news/story?x=1',
      ),
    ).toBe('https://www.site.example/news/story');
  });

  it('falls back to og:url, then to the page URL', () => {
    expect(
      canonical(
        '<meta property="og:url" content="https://m.site.example/s">',
        'https://www.site.example/s?fbclid=1',
      ),
    ).toBe('https://m.site.example/s');
    expect(canonical('', 'https://www.site.example/s?fbclid=1#top')).toBe('https://www.site.example/s');
  });

  it('ignores a canonical on another site, or one that is only the home page of an article', () => {
    expect(
      canonical('<link rel="canonical" href="https://aggregator.example/s">', 'https://www.site.example/s'),
    ).toBe('https://www.site.example/s');
    expect(
      canonical(
        '<link rel="canonical" href="https://www.site.example/">',
        'https://www.site.example/2024/story',
      ),
    ).toBe('https://www.site.example/2024/story');
    expect(canonical('<link rel="canonical" href="javascript:alert(1)">', 'https://www.site.example/s')).toBe(
      'https://www.site.example/s',
    );
  });

  it('treats blogs on a shared host as different sites', () => {
    expect(siteOf('sahel-press-review.blogspot.com')).not.toBe(siteOf('other.blogspot.com'));
    expect(siteOf('www.bbc.co.uk')).toBe('bbc.co.uk');
    expect(siteOf('news.lemonde.fr')).toBe('lemonde.fr');
  });

  it('takes the page’s own canonical when the HTML came without an address, else null', () => {
    expect(canonical('<link rel="canonical" href="https://site.example/s?utm_source=x">', null)).toBe(
      'https://site.example/s',
    );
    expect(canonical('<link rel="canonical" href="/relative">', null)).toBeNull();
    expect(canonical('', null)).toBeNull();
  });
});
