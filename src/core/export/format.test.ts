import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Highlight } from '../../shared/types';
import { escapeMarkdown, frontMatter, highlightsSection } from './format';

const highlight = (id: string, quote: string, comment = '', orphaned = false): Highlight => ({
  id,
  clipId: 'c',
  clipTitle: 'C',
  anchor: { quote, prefix: '', suffix: '', start: 0, end: quote.length },
  color: 'yellow',
  comment,
  created: '2024-01-01T00:00:00.000Z',
  updated: '2024-01-01T00:00:00.000Z',
  orphaned,
});

describe('highlightsSection', () => {
  it('writes each highlight as a quote with its block id on a line of its own', () => {
    expect(
      highlightsSection([
        highlight('aaaaaa', 'Two\nlines with *stars* and [[brackets]] #tag', 'A **bold** thought'),
        highlight('bbbbbb', '1. not a list', '', true),
      ]),
    ).toBe(
      [
        '## Highlights',
        '',
        '> Two',
        '> lines with \\*stars\\* and \\[\\[brackets\\]\\] \\#tag',
        '>',
        '> **Comment:** A **bold** thought',
        '',
        '^aaaaaa',
        '',
        '> 1\\. not a list',
        '>',
        '> *(orphaned: no longer found in the article)*',
        '',
        '^bbbbbb',
        '',
      ].join('\n'),
    );
    expect(highlightsSection([])).toBe('');
  });

  it('escapes what would start a block or format text', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('3) three')).toBe('3\\) three');
    expect(escapeMarkdown('a - b, 3.5 and $5 = ==x== ~y~ `z` <b> a|b')).toBe(
      'a - b, 3.5 and \\$5 \\= \\=\\=x\\=\\= \\~y\\~ \\`z\\` \\<b\\> a\\|b',
    );
  });
});

describe('frontMatter', () => {
  it('leaves out keys with no value, and writes pages as a range', () => {
    const text = frontMatter({
      id: 'x',
      type: 'clip',
      title: 'T',
      aliases: [],
      tags: [],
      created: 'c',
      updated: 'u',
      clip: {
        url: 'https://e.org/a',
        canonicalUrl: 'https://e.org/a',
        authors: [],
        siteName: null,
        published: '2024',
        clipped: 'k',
        lang: null,
        citation: { journal: 'J', firstPage: '10', lastPage: '20', volume: '3' },
      },
    });
    expect(text.startsWith('---\n') && text.endsWith('\n---\n')).toBe(true);
    const fields = parse(text.slice(4, -4)) as Record<string, unknown>;
    expect(Object.keys(fields)).toEqual([
      'id',
      'type',
      'title',
      'aliases',
      'tags',
      'created',
      'updated',
      'url',
      'canonical_url',
      'authors',
      'published',
      'clipped',
      'journal',
      'volume',
      'pages',
    ]);
    expect(fields).toMatchObject({ published: '2024', pages: '10-20', volume: '3' });
  });
});
