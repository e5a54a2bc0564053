import { describe, expect, it } from 'vitest';
import type { Highlight } from '../../shared/types';
import { highlightsSection } from '../export/format';
import { splitHighlights } from './highlights-section';

function highlight(id: string, quote: string, comment = '', orphaned = false): Highlight {
  return {
    id,
    clipId: 'c1',
    clipTitle: 'T',
    anchor: { quote, prefix: '', suffix: '', start: 0, end: quote.length },
    color: 'yellow',
    comment,
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-01T00:00:00.000Z',
    orphaned,
  };
}

describe('splitHighlights', () => {
  it("reads back what the export's highlights section writes", () => {
    const written = [
      highlight('aaaaaa11', 'Plain words.'),
      highlight('bbbbbb22', '1. A *starred* [bracket] #tag\n- dash \\ slash', 'Why?\n\n**Bold** reply'),
      highlight('cccccc33', 'Gone now', '', true),
      highlight('dddddd44', 'Both', 'A note', true),
    ];
    const body = `The article.\n\n## Highlights\n\nNot this one.\n\n${highlightsSection(written)}`;
    const { article, highlights } = splitHighlights(body);
    expect(article).toBe('The article.\n\n## Highlights\n\nNot this one.');
    expect(highlights).toEqual(
      written.map((h) => ({ id: h.id, quote: h.anchor.quote, comment: h.comment, orphaned: h.orphaned })),
    );
  });

  it('leaves a section of another shape in the article', () => {
    const body = 'Text\n\n## Highlights\n\n- a list, not quotes\n';
    expect(splitHighlights(body)).toEqual({ article: body, highlights: [] });
  });
});
