import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, makeExcerpt } from './excerpt';

describe('makeExcerpt', () => {
  it('strips Markdown markup and collapses whitespace', () => {
    const markdown = [
      '# Sécurité à *Niamey*',
      '',
      '> Quoted **bold** and _italic_ with snake_case kept.',
      '',
      '- a [link](https://example.org) and [[Wiki page|an alias]] and [[Keïta]]',
      '1. ![a map](map.png) `code` ~~gone~~',
      '```js',
      'x = 1',
      '```',
    ].join('\n');
    expect(makeExcerpt(markdown)).toBe(
      'Sécurité à Niamey Quoted bold and italic with snake_case kept. a link and an alias and Keïta a map code gone x = 1',
    );
  });

  it('cuts a long body at a word boundary and marks the cut', () => {
    const excerpt = makeExcerpt('mot '.repeat(200));
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1);
    expect(excerpt).toMatch(/mot…$/);
    expect(makeExcerpt('')).toBe('');
  });

  it('gives what collapsing every run of white space in the whole scanned text gives', () => {
    // The first way of writing it, the oracle for the shortcut of looking at a prefix only: the
    // same markup stripped, then every run of white space in the 4,000 characters collapsed.
    const collapsedWhole = (markdown: string): string => {
      const text = markdown
        .slice(0, 4_000)
        .replace(/[*`]+|~~/g, '')
        .replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.length <= EXCERPT_LENGTH) return text;
      const cut = text.slice(0, EXCERPT_LENGTH);
      const lastSpace = cut.lastIndexOf(' ');
      return `${lastSpace > EXCERPT_LENGTH * 0.6 ? cut.slice(0, lastSpace) : cut}…`;
    };
    // White space of every kind, in runs long and short, across the prefix's end or not.
    const pieces = [
      'mot',
      'é',
      ' ',
      '\n\n',
      '\t',
      '\u00a0',
      ' \u2003 ',
      ' '.repeat(40),
      '\n'.repeat(90),
      'x'.repeat(30),
      '**b**',
      '_i_',
    ];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let run = 0; run < 2_000; run++) {
      let markdown = '';
      const length = next(1200);
      while (markdown.length < length) markdown += pieces[next(pieces.length)];
      expect(makeExcerpt(markdown), JSON.stringify(markdown)).toBe(collapsedWhole(markdown));
    }
    // About as many words as an excerpt holds, then white space past the prefix, then more or none.
    for (let words = 140; words < 180; words++)
      for (const after of ['', 'more', 'more words after that'])
        for (const gap of [' ', '\n'.repeat(700), ' \t'.repeat(300)]) {
          const markdown = `${'a'.repeat(words)}${gap}${after}`;
          expect(makeExcerpt(markdown), markdown).toBe(collapsedWhole(markdown));
          const spaced = `${'a '.repeat(words / 2)}${gap}${after}`;
          expect(makeExcerpt(spaced), spaced).toBe(collapsedWhole(spaced));
        }
  });
});
