import { describe, expect, it } from 'vitest';
import { extractArticle, withImageAssets } from './extract';

const A = 'https://cdn.example/a.jpg';
const B = 'https://cdn.example/b.png';
const C = 'https://cdn.example/c.gif';
const html =
  '<html><head><title>Photos</title></head><body><article>' +
  `<p>${'A paragraph long enough to be an article paragraph. '.repeat(4)}</p>` +
  `<figure><img src="${A}" alt="First"><figcaption>First caption</figcaption></figure>` +
  `<p>Middle text with an inline <img src="${B}" alt="Second"> picture.</p>` +
  `<p><a href="${C}"><img src="${C}" alt="Third"></a></p>` +
  `<p>${'Closing words of the article, also long enough. '.repeat(3)}</p>` +
  '</article></body></html>';
const extracted = extractArticle({ html, url: 'https://site.example/photos' });

describe('withImageAssets', () => {
  it('points each stored image at its library asset, in HTML and Markdown', () => {
    const sha = 'a'.repeat(64);
    const result = withImageAssets(
      extracted,
      new Map([
        [A, `assets/${sha}.jpg`],
        [B, `assets/${'b'.repeat(64)}.png`],
        [C, `assets/${'c'.repeat(64)}.gif`],
      ]),
    );
    expect(result.html).toContain(`<img src="assets/${sha}.jpg" alt="First">`);
    expect(result.html).not.toContain('https://cdn.example/a.jpg');
    expect(result.markdown).toContain(`![First](assets/${sha}.jpg)`);
    expect(result.markdown).toContain(`![Second](assets/${'b'.repeat(64)}.png)`);
  });

  it('removes images with no stored copy (null or missing), and the figure or link that only held them', () => {
    const result = withImageAssets(
      extracted,
      new Map([
        [A, null],
        [B, `assets/${'b'.repeat(64)}.png`],
      ]),
    );
    expect(result.html).not.toMatch(/cdn\.example\/a\.jpg|First caption|<figure/);
    expect(result.html).not.toMatch(/c\.gif|<a [^>]*>\s*<\/a>/);
    expect(result.markdown).not.toMatch(/https:\/\/cdn\.example\/[ac]/);
    expect(result.markdown).toContain('Middle text with an inline ![Second]');
    expect(result.html).not.toMatch(/<img[^>]+src="https?:/);
  });

  it('refuses asset paths that are not plain files under assets/', () => {
    const result = withImageAssets(
      extracted,
      new Map([
        [A, 'assets/../../etc/passwd'],
        [B, 'https://elsewhere.example/b.png'],
        [C, 'javascript:alert(1)'],
      ]),
    );
    expect(result.html).not.toContain('<img');
    expect(result.markdown).not.toContain('![');
  });
});
