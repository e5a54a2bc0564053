// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Highlight } from '@shared/types';
import { paintAll } from './use-highlight-paint';

function highlight(id: string, quote: string, extra: Partial<Highlight> = {}): Highlight {
  return {
    id,
    clipId: 'clip1',
    clipTitle: 'River trade',
    anchor: { quote, prefix: '', suffix: '', start: 0, end: quote.length },
    color: 'yellow',
    comment: '',
    created: '2024-05-01T00:00:00.000Z',
    updated: '2024-05-01T00:00:00.000Z',
    orphaned: false,
    ...extra,
  };
}

describe('paintAll', () => {
  it('places anchors from the stored text in the rendered article, whitespace aside', () => {
    const root = document.createElement('section');
    root.innerHTML = '<p>Boats left\n   at dawn.</p><p>Millet came later.</p>';
    const placed = paintAll(root, [
      // The stored text separates paragraphs with a blank line; the DOM's textContent does not.
      highlight('aaaaaa', 'dawn.\n\nMillet', { color: 'blue' }),
      highlight('bbbbbb', 'Boats left at'),
      highlight('cccccc', 'no such passage'),
      highlight('dddddd', 'Millet', { orphaned: true }),
    ]);
    expect([...placed].sort()).toEqual(['aaaaaa', 'bbbbbb']);
    const marks = Array.from(root.querySelectorAll<HTMLElement>('mark.hl'));
    expect(marks.filter((m) => m.dataset.highlightId === 'aaaaaa').map((m) => m.textContent)).toEqual([
      'dawn.',
      'Millet',
    ]);
    expect(root.querySelector('mark.hl--blue')?.textContent).toBe('dawn.');

    // Painting again starts from scratch.
    paintAll(root, [highlight('bbbbbb', 'Boats left at')]);
    expect(root.querySelectorAll('mark.hl')).toHaveLength(1);
    expect(root.textContent).toBe('Boats left\n   at dawn.Millet came later.');
  });
});
