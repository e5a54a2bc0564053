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
});
