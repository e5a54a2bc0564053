// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  clearHighlights,
  highlightAt,
  marksOf,
  paintHighlight,
  quoteOf,
  spanOfRange,
} from './highlight-paint';

function article(html: string): HTMLElement {
  const root = document.createElement('section');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

function spanOf(root: HTMLElement, words: string): { start: number; end: number } {
  const start = (root.textContent ?? '').indexOf(words);
  return { start, end: start + words.length };
}

describe('paintHighlight', () => {
  it('wraps the text across elements and leaves the markup as it was', () => {
    const root = article(
      '<p>The river <b>rose early</b> that year, <a href="https://x.example">they said</a>.</p>',
    );
    const before = root.innerHTML;
    const marks = paintHighlight(root, spanOf(root, 'river rose early that year, they'), 'abc123', 'green');
    expect(marks.map((mark) => mark.textContent)).toEqual(['river ', 'rose early', ' that year, ', 'they']);
    expect(marks.every((mark) => mark.className === 'hl hl--green')).toBe(true);
    expect(marks.every((mark) => mark.dataset.highlightId === 'abc123')).toBe(true);
    // Tab reaches the highlight once, at its start.
    expect(marks.map((mark) => mark.tabIndex)).toEqual([0, -1, -1, -1]);
    expect(root.querySelector('b > mark')?.textContent).toBe('rose early');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://x.example');
    expect(root.textContent).toBe('The river rose early that year, they said.');

    clearHighlights(root);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.childNodes).toHaveLength(5);
  });

  it('never puts a mark straight inside a table row or a list', () => {
    const root = article('<table><tbody>\n<tr>\n<td>Millet</td>\n<td>Fish</td>\n</tr>\n</tbody></table>');
    const marks = paintHighlight(root, spanOf(root, 'Millet\n\nFish'), 'tab1e0', 'blue');
    expect(marks.map((mark) => mark.parentElement?.tagName)).toEqual(['TD', 'TD']);
    expect(root.querySelector('tr > mark, tbody > mark')).toBeNull();
  });

  it('nests where highlights overlap and finds the innermost from a click', () => {
    const root = article('<p>one two three four</p>');
    paintHighlight(root, spanOf(root, 'one two three'), 'aaaaaa', 'yellow');
    paintHighlight(root, spanOf(root, 'two three four'), 'bbbbbb', 'pink');
    expect(
      marksOf(root, 'aaaaaa')
        .map((mark) => mark.textContent)
        .join(''),
    ).toBe('one two three');
    expect(
      marksOf(root, 'bbbbbb')
        .map((mark) => mark.textContent)
        .join(''),
    ).toBe('two three four');
    const inner = marksOf(root, 'bbbbbb')[0]?.firstChild ?? null;
    expect(highlightAt(inner?.parentElement ?? null)?.dataset.highlightId).toBe('bbbbbb');
    clearHighlights(root);
    expect(root.innerHTML).toBe('<p>one two three four</p>');
  });

  it('paints nothing for a span past the end of the text', () => {
    const root = article('<p>short</p>');
    expect(paintHighlight(root, { start: 40, end: 50 }, 'cccccc', 'purple')).toEqual([]);
  });
});

describe('spanOfRange and quoteOf', () => {
  it('turns a selection into offsets without its outer whitespace, with context either side', () => {
    const root = article('<p>Before it. </p><p>The <i>boats</i> left at dawn. After.</p>');
    const text = root.textContent ?? '';
    const range = document.createRange();
    const first = root.querySelector('p');
    const italic = root.querySelector('i');
    if (!first?.firstChild || !italic?.nextSibling) throw new Error('fixture');
    range.setStart(first.firstChild, 'Before it'.length + 1);
    range.setEnd(italic.nextSibling, ' left at dawn.'.length);
    const span = spanOfRange(root, range);
    expect(span && text.slice(span.start, span.end)).toBe('The boats left at dawn.');
    if (!span) return;
    const quoted = quoteOf(text, span);
    expect(quoted.quote).toBe('The boats left at dawn.');
    expect(quoted.prefix).toBe('Before it. ');
    expect(quoted.suffix).toBe(' After.');
  });

  it('refuses a range outside the article or with only whitespace', () => {
    const root = article('<p>a</p> <p>b</p>');
    const outside = document.createRange();
    outside.selectNodeContents(document.body.appendChild(document.createElement('div')));
    expect(spanOfRange(root, outside)).toBeNull();
    const blank = document.createRange();
    blank.selectNode(root.childNodes[1] as Node);
    expect(spanOfRange(root, blank)).toBeNull();
  });
});
