/**
 * The seed sample, read from the shared samples folder beside the checkout
 * (../shared/samples), clipped as its .expected.json describes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './charset';
import { extractArticle } from './extract';

const SAMPLES = resolve(__dirname, '..', '..', '..', '..', 'shared', 'samples');

interface SampleExpectation {
  url: string;
  canonicalUrl: string;
  title: string;
  siteName: string;
  published: string;
  lang: string;
  suggestedTags: string[];
  bodyMustContain: string[];
  bodyMustNotContain: string[];
  bylineAnyOf: string[];
}

const expected = JSON.parse(
  readFileSync(resolve(SAMPLES, 'minusma-blogger.expected.json'), 'utf8'),
) as SampleExpectation;
const html = decodeHtml(readFileSync(resolve(SAMPLES, 'minusma-blogger.html')), 'text/html; charset=UTF-8');
const clip = extractArticle({ html, url: expected.url });

describe('the minusma-blogger sample', () => {
  it('has the expected metadata', () => {
    expect(clip).toMatchObject({
      title: expected.title,
      siteName: expected.siteName,
      lang: expected.lang,
      canonicalUrl: expected.canonicalUrl,
      suggestedTags: expected.suggestedTags,
    });
  });

  it('is dated on the blog post’s day in its own time zone (the page says 2024-11-12T08:03:00-08:00)', () => {
    expect(clip.published).toBe(expected.published);
  });

  it('credits the wire source or the blog’s poster', () => {
    expect(clip.authors.length).toBeGreaterThan(0);
    for (const author of clip.authors) expect(expected.bylineAnyOf).toContain(author);
  });

  it('keeps the article and none of the blog around it', () => {
    for (const text of expected.bodyMustContain) expect(clip.text).toContain(text);
    for (const text of expected.bodyMustNotContain) {
      expect(clip.text).not.toContain(text);
      expect(clip.markdown).not.toContain(text);
      expect(clip.html).not.toContain(text);
    }
    expect(clip.text.startsWith('By Al Mayadeen English')).toBe(true);
  });

  it('keeps the remote image for the clip to store', () => {
    expect(clip.images).toEqual([
      'https://blogger.googleusercontent.com/img/b/R29vZ2xl/w320-h180/minusma-bamako-camp.jpg',
    ]);
  });
});
