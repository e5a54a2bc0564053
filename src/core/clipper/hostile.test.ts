/**
 * The hostile fixture page, thing by thing: what must be gone from a clip's HTML (and Markdown),
 * and that the article itself survives. DOMPurify runs on jsdom here — on linkedom it would return
 * its input unchanged, and these tests would fail.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFragment } from './dom';
import { extractArticle } from './extract';
import { sanitizeHtml } from './sanitize';

const page = readFileSync(
  resolve(__dirname, '..', '..', '..', 'tests', 'fixtures', 'pages', 'hostile.html'),
  'utf8',
);

describe('a hostile page', () => {
  for (const mode of ['article', 'page'] as const) {
    describe(`in ${mode} mode`, () => {
      const clip = extractArticle({ html: page, url: 'https://news.example/irrigation', mode });
      const root = parseFragment(clip.html);
      const elements = Array.from(root.querySelectorAll('*'));

      it('keeps the article', () => {
        expect(clip.text).toContain(
          'Small irrigation schemes along the Niger river have doubled rice yields',
        );
        expect(clip.text).toContain(
          'Its authors recommend that new schemes be handed over to farmer cooperatives',
        );
      });

      it('has no script, style, frame, object, embed, form control, base, meta, link, svg or math element', () => {
        const forbidden =
          'script, style, iframe, frame, object, embed, applet, param, form, input, button, select, textarea, base, meta, link, svg, math, template, noscript, video, audio, source, marquee';
        expect(root.querySelectorAll(forbidden).length).toBe(0);
      });

      it('has no event handler, style, class (but code languages), id (but footnotes) or data- attribute', () => {
        for (const element of elements) {
          for (const name of element.getAttributeNames()) {
            expect(name).not.toMatch(
              /^on|^style$|^data-|^srcdoc$|^formaction$|^ping$|^tabindex$|^role$|^aria-/i,
            );
            if (name === 'class') expect(element.getAttribute(name)).toMatch(/^language-/);
            if (name === 'id') expect(element.getAttribute(name)).toMatch(/^fn-\d+$/);
          }
        }
        expect(clip.html).not.toMatch(/app-root|reader-view|notebook/);
      });

      it('has no javascript:, vbscript: or data: URL, and only http(s) images', () => {
        expect(clip.html).not.toMatch(/javascript:|vbscript:|data:/i);
        expect(clip.markdown).not.toMatch(/javascript:|vbscript:|data:/i);
        for (const image of root.querySelectorAll('img'))
          expect(image.getAttribute('src')).toMatch(/^https:\/\//);
        for (const link of root.querySelectorAll('a[href]'))
          expect(link.getAttribute('href')).toMatch(/^(?:https?:|mailto:|#fn-)/);
      });

      it('opens links outside, without an opener or referrer', () => {
        const links = Array.from(root.querySelectorAll('a[href^="http"], a[href^="mailto"]'));
        expect(links.length).toBeGreaterThan(0);
        for (const link of links) {
          expect(link.getAttribute('rel')).toBe('noopener noreferrer');
          expect(link.getAttribute('target')).toBe('_blank');
        }
      });

      it('drops overlays and the text of what it removes', () => {
        for (const text of [
          'Subscribe to continue reading',
          'Invisible clickjacking layer',
          'Enter your password',
          'alert(',
          'mxss',
        ]) {
          expect(clip.text).not.toContain(text);
          expect(clip.html).not.toContain(text);
        }
      });
    });
  }
});

describe('sanitizeHtml on its own', () => {
  it('removes classic payloads', () => {
    const dirty = [
      '<img src=x onerror=alert(1)>',
      '<a href="jav&#x09;ascript:alert(1)">a</a>',
      '<a href="&#106;avascript:alert(1)">b</a>',
      '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
      '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
      '<p style="background:url(javascript:alert(1))">styled</p>',
      '<iframe src="https://evil.example"></iframe><object data="x"></object>',
      '<a href="https://ok.example" target="_self" rel="opener">ok</a>',
      '<img src="https://ok.example/i.png" srcset="https://evil.example/1x.png 1x" width="10" height="oops">',
    ].join('');
    const clean = sanitizeHtml(dirty);
    expect(clean).not.toMatch(
      /onerror|onbegin|javascript|<svg|<iframe|<object|<style|style=|srcset|height=/i,
    );
    expect(clean).toContain('<p>styled</p>');
    expect(clean).toContain('<a href="https://ok.example" rel="noopener noreferrer" target="_blank">ok</a>');
    expect(clean).toContain('<img src="https://ok.example/i.png" width="10">');
  });

  it('keeps semantic markup', () => {
    const html =
      '<h2>T</h2><p><em>e</em> <strong>s</strong> <sup>1</sup><sub>2</sub> <mark>m</mark> <del>d</del> <ins>i</ins> <abbr title="t">a</abbr> <time datetime="2024-01-01">t</time><br></p>' +
      '<blockquote><p>q</p></blockquote><pre><code class="language-js">x</code></pre><table><thead><tr><th colspan="2">h</th></tr></thead></table>' +
      '<figure><img src="https://x.example/i.jpg" alt="a"><figcaption>c</figcaption></figure><details><summary>s</summary>d</details><dl><dt>t</dt><dd>d</dd></dl><hr>';
    expect(sanitizeHtml(html)).toBe(html);
  });
});
