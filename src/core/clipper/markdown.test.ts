import { describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown';
import { sanitizeHtml } from './sanitize';

// Markdown is always made from sanitised HTML.
const md = (html: string): string => toMarkdown(sanitizeHtml(html));

describe('toMarkdown', () => {
  it('writes ATX headings, emphasis, links and images', () => {
    expect(
      md(
        '<h2>Title</h2><p><em>a</em> <strong>b</strong> <a href="https://x.example/">link</a></p><img src="https://x.example/i.jpg" alt="Alt">',
      ),
    ).toBe('## Title\n\n_a_ **b** [link](https://x.example/)\n\n![Alt](https://x.example/i.jpg)');
  });

  it('writes GFM tables: header row, escaped pipes, <br> inside cells, colspans, an empty header when there is none', () => {
    expect(
      md(
        '<table><caption>Prices</caption><thead><tr><th>Item</th><th>Price</th></tr></thead><tbody><tr><td>a | b</td><td>1<br>2</td></tr><tr><td colspan="2">both</td></tr></tbody></table>',
      ),
    ).toBe('Prices\n\n| Item | Price |\n| --- | --- |\n| a \\| b | 1<br>2 |\n| both | |');
    expect(md('<table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>')).toBe(
      '|     |     |\n| --- | --- |\n| x | y |\n| 1 | 2 |',
    );
  });

  it('fences code with its language, longer fences around backticks', () => {
    expect(md('<pre><code class="language-ts">const a = 1;\n</code></pre>')).toBe('```ts\nconst a = 1;\n```');
    expect(md('<pre><code>a fence\n```\ninside</code></pre>')).toBe('````\na fence\n```\ninside\n````');
  });

  it('nests lists by indentation and numbers ordered lists from their start', () => {
    expect(md('<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul>')).toBe('- one\n  - inner\n- two');
    expect(md('<ol start="3"><li>three</li><li>four<ol><li>sub</li></ol></li></ol>')).toBe(
      '3. three\n4. four\n   1. sub',
    );
  });

  it('writes footnotes as [^N] with their definitions', () => {
    expect(
      md('<p>Claim<sup><a href="#fn-1">1</a></sup>.</p><ol><li id="fn-1"><p>Source.</p></li></ol>'),
    ).toBe('Claim[^1].\n\n[^1]: Source.');
  });

  it('keeps strikethrough, superscripts and subscripts', () => {
    expect(md('<p><del>old</del> x<sup>2</sup> H<sub>2</sub>O</p>')).toBe(
      '~~old~~ x<sup>2</sup> H<sub>2</sub>O',
    );
  });

  it('does not escape a number at the start of a heading', () => {
    expect(md('<h2>1. Introduction</h2><p>1. Not a list</p>')).toBe('## 1. Introduction\n\n1\\. Not a list');
  });
});
