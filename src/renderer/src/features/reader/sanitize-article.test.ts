// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorTarget, sanitizeArticle } from './sanitize-article';

const PAGE = 'https://example.org/story/mopti?id=3';

function render(html: string): HTMLElement {
  const root = document.createElement('section');
  root.innerHTML = sanitizeArticle(html, PAGE);
  return root;
}

describe('sanitizeArticle', () => {
  it('keeps article markup and drops anything that runs, styles or embeds', () => {
    const root = render(`
      <h2 class="hero" style="position:fixed;inset:0">Heading</h2>
      <p onclick="alert(1)">Text <script>alert(2)</script><b>bold</b></p>
      <style>body { display: none }</style><link rel="stylesheet" href="https://evil.example/x.css">
      <iframe src="https://evil.example"></iframe><form><input></form><svg><image href="x"/></svg>
      <object data="x"></object><video src="https://evil.example/v.mp4"></video>`);
    expect(root.querySelector('h2')?.textContent).toBe('Heading');
    expect(root.querySelector('b')?.textContent).toBe('bold');
    expect(root.querySelector('script, style, link, iframe, form, input, svg, object, video')).toBeNull();
    expect(root.querySelector('[style], [class]:not(.article__table), [onclick]')).toBeNull();
  });

  it('keeps only images stored in the library', () => {
    const root = render(`
      <img src="assets/${'a'.repeat(64)}.png" alt="kept" srcset="https://cdn.example/big.png 2x">
      <img src="https://cdn.example/remote.png" alt="remote">
      <img src="/assets/abs.png" alt="absolute"><img src="data:image/png;base64,AAAA" alt="data">
      <img src="assets/../../secret.png" alt="escape"><picture><source srcset="https://cdn.example/p.webp"></picture>`);
    const images = Array.from(root.querySelectorAll('img'));
    expect(images.map((image) => image.alt)).toEqual(['kept']);
    expect(images[0]?.hasAttribute('srcset')).toBe(false);
    expect(root.querySelector('source, picture')).toBeNull();
  });

  it('opens links outside the app and removes the ones that could run', () => {
    const root = render(`
      <a href="https://other.example/page">out</a><a href="/relative">relative</a>
      <a href="javascript:alert(1)">js</a><a href="data:text/html,x">data</a>`);
    const [out, relative, js, data] = Array.from(root.querySelectorAll('a'));
    expect(out?.getAttribute('target')).toBe('_blank');
    expect(out?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out?.getAttribute('title')).toBe('https://other.example/page');
    expect(relative?.getAttribute('href')).toBe('https://example.org/relative');
    expect(js?.hasAttribute('href')).toBe(false);
    expect(data?.hasAttribute('href')).toBe(false);
  });

  it('keeps links within the article in it, with ids that cannot clash with the app', () => {
    const root = render(`
      <p>A claim<a href="#fn1">1</a>, another<a href="${PAGE}#fn2">2</a>.</p>
      <ol><li id="fn1">First note</li><li id="fn2">Second note</li></ol><div id="root">x</div>`);
    const [first, second] = Array.from(root.querySelectorAll('a'));
    expect(first?.getAttribute('href')).toBe('#user-content-fn1');
    expect(first?.hasAttribute('target')).toBe(false);
    expect(anchorTarget(root, first as HTMLAnchorElement)?.textContent).toBe('First note');
    expect(anchorTarget(root, second as HTMLAnchorElement)?.textContent).toBe('Second note');
    expect(root.querySelector('#root')).toBeNull();
  });

  it('puts each table in a frame that scrolls sideways', () => {
    const root = render('<table><tr><td>1</td></tr></table>');
    const frame = root.querySelector('.article__table');
    expect(frame?.getAttribute('tabindex')).toBe('0');
    expect(frame?.querySelector('table td')?.textContent).toBe('1');
  });
});
