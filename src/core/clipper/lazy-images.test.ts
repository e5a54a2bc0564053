import { describe, expect, it } from 'vitest';
import { parseFragment, type DomElement } from './dom';
import { resolveImages } from './lazy-images';
import { bestFromSrcset } from './srcset';

const BASE = 'https://site.example/articles/';

function attributes(element: DomElement | null): Record<string, string> {
  return Object.fromEntries(
    (element?.getAttributeNames() ?? []).map((name) => [name, element?.getAttribute(name) ?? '']),
  );
}

function resolved(html: string, base: string | null = BASE): string[] {
  const root = parseFragment(html);
  resolveImages(root, base);
  return Array.from(root.querySelectorAll('img')).map((image) => image.getAttribute('src') ?? '');
}

describe('resolveImages', () => {
  it('prefers lazy attributes over a placeholder src', () => {
    expect(resolved('<img src="data:image/gif;base64,R0lGOD" data-src="a.jpg">')).toEqual([
      'https://site.example/articles/a.jpg',
    ]);
    expect(resolved('<img src="/img/blank.gif" data-lazy-src="/b.jpg">')).toEqual([
      'https://site.example/b.jpg',
    ]);
    expect(resolved('<img src="spacer.gif" data-original="//cdn.example/c.jpg">')).toEqual([
      'https://cdn.example/c.jpg',
    ]);
    expect(resolved('<img data-hero-image="https://cdn.example/d.webp">')).toEqual([
      'https://cdn.example/d.webp',
    ]);
  });

  it('picks the best candidate of data-srcset and srcset', () => {
    expect(resolved('<img src="s.jpg" data-srcset="m.jpg 800w, l.jpg 1600w, xl.jpg 4000w">')).toEqual([
      `${BASE}l.jpg`,
    ]);
    expect(resolved('<img src="s.jpg" srcset="s.jpg 1x, d.jpg 2x, t.jpg 3x">')).toEqual([`${BASE}d.jpg`]);
  });

  it('uses <picture> sources when its <img> has nothing usable, and unwraps the picture', () => {
    const root = parseFragment(
      '<picture><source type="image/webp" srcset="p-800.webp 800w, p-1600.webp 1600w"><img src="data:," alt="p"></picture>',
    );
    resolveImages(root, BASE);
    expect(root.querySelector('picture')).toBeNull();
    expect(attributes(root.querySelector('img'))).toEqual({ alt: 'p', src: `${BASE}p-1600.webp` });
  });

  it('uses the <noscript> copy of a lazy image, once', () => {
    expect(
      resolved(
        '<img class="lazy" src="data:image/gif;base64,R0"><noscript><img src="real.jpg" alt="r"></noscript>',
      ),
    ).toEqual([`${BASE}real.jpg`]);
  });

  it('drops 1×1 pixels, trackers, data: images and what cannot be resolved', () => {
    expect(
      resolved(
        [
          '<img src="https://t.example/p.gif" width="1" height="1">',
          '<img src="https://www.facebook.com/tr?id=1">',
          '<img src="https://www.google-analytics.com/collect?v=1">',
          '<img src="data:image/png;base64,iVBOR">',
          '<img src="javascript:alert(1)">',
          '<img>',
          '<img src="ok.png" loading="lazy" width="640" height="480">',
        ].join(''),
      ),
    ).toEqual([`${BASE}ok.png`]);
    expect(resolved('<img src="relative.png"><img src="https://abs.example/x.png">', null)).toEqual([
      'https://abs.example/x.png',
    ]);
  });

  it('keeps only alt, title, width and height beside the src', () => {
    const root = parseFragment(
      '<img class="c" data-src="a.jpg" srcset="a.jpg 1x" sizes="100vw" loading="lazy" alt="A" width="10" onerror="x()">',
    );
    resolveImages(root, BASE);
    expect(attributes(root.querySelector('img'))).toEqual({ alt: 'A', width: '10', src: `${BASE}a.jpg` });
  });

  it('removes a link or figure left empty by a dropped image', () => {
    const root = parseFragment(
      '<p>Text</p><a href="https://x.example/"><img src="data:,"></a><figure><img src="1x1.gif"></figure>',
    );
    resolveImages(root, BASE);
    expect(root.innerHTML).toBe('<p>Text</p>');
  });
});

describe('bestFromSrcset', () => {
  it('takes the widest candidate up to 2000w, else the narrowest above', () => {
    expect(bestFromSrcset('a.jpg 480w, b.jpg 2000w, c.jpg 3000w', BASE)).toBe(`${BASE}b.jpg`);
    expect(bestFromSrcset('big.jpg 2500w, bigger.jpg 4000w', BASE)).toBe(`${BASE}big.jpg`);
  });

  it('reads URLs with commas and skips data: candidates', () => {
    expect(
      bestFromSrcset(
        'https://cdn.example/w_400,c_fill/x.jpg 400w, https://cdn.example/w_800,c_fill/x.jpg 800w',
        BASE,
      ),
    ).toBe('https://cdn.example/w_800,c_fill/x.jpg');
    expect(bestFromSrcset('data:image/gif;base64,R0lGOD 1x', BASE)).toBeNull();
  });
});
