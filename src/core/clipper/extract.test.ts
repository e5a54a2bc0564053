import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../shared/errors';
import { extractArticle, type ExtractInput } from './extract';

const paragraphs = (count: number, word = 'Sahel'): string =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p>Paragraph ${i + 1} about the ${word}, with enough words in it to read like prose, as articles do.</p>`,
  ).join('');

function codeOf(input: ExtractInput): string | undefined {
  try {
    extractArticle(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookError);
    return (error as NotebookError).code;
  }
}

describe('extractArticle', () => {
  it('refuses empty input and pages without an article with not_article', () => {
    expect(codeOf({ html: '', url: null })).toBe('not_article');
    expect(codeOf({ html: '  \n\t ', url: null })).toBe('not_article');
    expect(codeOf({ html: '<html><body></body></html>', url: null })).toBe('not_article');
    expect(codeOf({ html: '<html><body><p>404. Not found.</p></body></html>', url: null })).toBe(
      'not_article',
    );
    const links = Array.from(
      { length: 30 },
      (_, i) => `<li><a href="/p/${i}">Story number ${i} of the day</a></li>`,
    ).join('');
    expect(codeOf({ html: `<html><body><ul>${links}</ul></body></html>`, url: 'https://x.example/' })).toBe(
      'not_article',
    );
  });

  it('says what to do in its not_article message', () => {
    expect(() => extractArticle({ html: '', url: null })).toThrow(
      'No article found on this page. Clip the whole page instead?',
    );
  });

  it('refuses an address that is not http(s) with invalid_argument', () => {
    expect(codeOf({ html: `<body>${paragraphs(3)}</body>`, url: 'file:///etc/passwd' })).toBe(
      'invalid_argument',
    );
  });

  it('keeps the whole page, simplified, in page mode', () => {
    const html =
      '<html><head><title>Links</title></head><body><nav><a href="/a">Nav</a></nav><header><a href="/">Logo</a></header>' +
      '<h1>Index</h1><ul><li><a href="/1">First</a></li><li><a href="/2">Second</a></li></ul><form><input name=q></form>' +
      '<footer>Footer text</footer></body></html>';
    expect(codeOf({ html, url: 'https://x.example/' })).toBe('not_article');
    const page = extractArticle({ html, url: 'https://x.example/', mode: 'page' });
    expect(page.title).toBe('Links');
    expect(page.text).toBe('Index\n\nFirst\n\nSecond');
    expect(page.html).not.toMatch(/<nav|<form|<input|Footer text|Logo/);
  });

  it('gives plain text with headings and list items as paragraphs, line breaks kept, no title line', () => {
    const html =
      '<html><head><title>The title</title></head><body><article><h1>The title</h1>' +
      `${paragraphs(3)}<h2>A heading</h2><ul><li>One item</li><li>Two <em>items</em></li></ul><p>Line one<br>line two</p>` +
      '<blockquote><p>A quote.</p></blockquote><pre><code>code  keeps\n  its spaces</code></pre></article></body></html>';
    const { text, title } = extractArticle({ html, url: null });
    expect(title).toBe('The title');
    expect(text).toMatch(/^Paragraph 1 about the Sahel/);
    expect(text).toContain(
      '\n\nA heading\n\nOne item\n\nTwo items\n\nLine one\nline two\n\nA quote.\n\ncode  keeps\n  its spaces',
    );
    expect(text).not.toContain('The title');
  });

  it('makes an excerpt from the page description, else the first real paragraph', () => {
    const body = `<article>${paragraphs(4)}</article>`;
    expect(
      extractArticle({
        html: `<head><meta name="description" content="Described."></head><body>${body}</body>`,
        url: null,
      }).excerpt,
    ).toBe('Described.');
    expect(extractArticle({ html: `<body>${body}</body>`, url: null }).excerpt).toMatch(
      /^Paragraph 1 about the Sahel/,
    );
  });

  it('lists images in document order, once each, with absolute URLs', () => {
    const html = `<body><article>${paragraphs(2)}<img src="/a.jpg"><p>x</p><img src="b.png">${paragraphs(2)}<img src="/a.jpg"></article></body>`;
    expect(extractArticle({ html, url: 'https://site.example/post/1' }).images).toEqual([
      'https://site.example/a.jpg',
      'https://site.example/post/b.png',
    ]);
  });

  it('keeps the language of code blocks and normalises footnotes', () => {
    const html =
      `<body><article>${paragraphs(2)}<p>A claim.<sup id="fnref:a"><a href="#fn:a" class="footnote">1</a></sup></p>` +
      '<div class="highlight highlight-source-python"><pre><span class="k">print</span>(<span>1</span>)</pre></div>' +
      '<div class="footnotes"><ol><li id="fn:a"><p>The source. <a href="#fnref:a" class="reversefootnote">↩</a></p></li></ol></div></article></body>';
    const clip = extractArticle({ html, url: null });
    expect(clip.html).toContain('<pre><code class="language-python">print(1)</code></pre>');
    expect(clip.html).toContain('A claim.<sup><a href="#fn-1">1</a></sup>');
    expect(clip.html).toContain('<li id="fn-1"><p>The source. </p></li>');
    expect(clip.markdown).toContain('```python\nprint(1)\n```');
    expect(clip.markdown).toContain('A claim.[^1]');
    expect(clip.markdown).toContain('[^1]: The source.');
    expect(clip.text).toContain('A claim.[1]');
  });

  it('turns containers into paragraphs so sibling texts do not run together', () => {
    const html = `<body><article>${paragraphs(3)}<div><div>First block</div><div>Second block</div></div>${paragraphs(1)}</article></body>`;
    const clip = extractArticle({ html, url: null, mode: 'page' });
    expect(clip.text).toContain('First block\n\nSecond block');
    expect(clip.html).not.toContain('<div');
  });

  it('flattens absurd nesting instead of overflowing the stack', () => {
    const depth = 20_000;
    const html = `<body><article>${paragraphs(2)}${'<div>'.repeat(depth)}<p>The deepest paragraph.</p>${'</div>'.repeat(depth)}</article></body>`;
    expect(extractArticle({ html, url: null }).text).toContain('The deepest paragraph.');
  });
});
