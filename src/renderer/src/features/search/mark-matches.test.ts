// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findMatches } from './find-matches';
import { clearMatches, markMatches } from './mark-matches';

function article(html: string): HTMLElement {
  const root = document.createElement('section');
  root.innerHTML = html;
  return root;
}

describe('findMatches', () => {
  it('finds whole words as written, longest first', () => {
    const text = 'Keïta asked about the withdrawal; withdraw and withdrawals differ. keïta!';
    const found = findMatches(text, ['withdraw', 'withdrawal', 'Keïta']).map((r) =>
      text.slice(r.start, r.end),
    );
    expect(found).toEqual(['Keïta', 'withdrawal', 'withdraw', 'keïta']);
  });

  it('treats the words as text, not as patterns', () => {
    expect(findMatches('a (b) a.b axb', ['a.b', '(b)'])).toEqual([
      { start: 2, end: 5 },
      { start: 6, end: 9 },
    ]);
    expect(findMatches('anything', [])).toEqual([]);
    expect(findMatches('anything', ['  '])).toEqual([]);
  });
});

describe('markMatches', () => {
  it('wraps the words in text nodes only, leaving markup and attributes alone', () => {
    const root = article(
      '<p>The <a href="https://x.example/Sécurité" title="Sécurité">Sécurité</a> report, and Sécurité again.</p>',
    );
    const marks = markMatches(root, ['Sécurité']);
    expect(marks.map((mark) => mark.textContent)).toEqual(['Sécurité', 'Sécurité']);
    expect(root.querySelector('a')?.getAttribute('title')).toBe('Sécurité');
    expect(root.querySelector('a mark.search-match')).not.toBeNull();
    expect(root.textContent).toBe('The Sécurité report, and Sécurité again.');
  });

  it('replaces the previous marks, and clears them without changing the text', () => {
    const root = article('<p>camp and camps and <mark>campaign</mark></p>');
    expect(markMatches(root, ['camp']).length).toBe(1);
    expect(markMatches(root, ['camps', 'campaign']).map((mark) => mark.textContent)).toEqual([
      'camps',
      'campaign',
    ]);
    clearMatches(root);
    expect(root.querySelectorAll('mark.search-match').length).toBe(0);
    expect(root.querySelectorAll('mark').length).toBe(1);
    expect(root.innerHTML).toBe('<p>camp and camps and <mark>campaign</mark></p>');
  });
});
