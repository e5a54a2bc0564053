import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownToArticle, sanitizedArticle } from './markdown-html';
import { trustedFragment } from './trusted-markdown';

const marked = new Marked({ gfm: true, async: false });
const ASSET = `assets/${'0123456789abcdef'.repeat(4)}.png`;

const trusted = (markdown: string): boolean => {
  const tokens = marked.lexer(markdown);
  return trustedFragment(tokens, marked.parser(tokens)) !== null;
};

/** The clipper's golden Markdown pages. */
function goldenPages(): string[] {
  const pages = path.resolve(__dirname, '../../../tests/fixtures/pages');
  return readdirSync(pages)
    .filter((name) => name.endsWith('.expected.md'))
    .map((name) => readFileSync(path.join(pages, name), 'utf8'));
}

/** The same numbers for the same seed, so a failure repeats. */
function seeded(seed: number): Random {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  return {
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)] as string,
  };
}

interface Random {
  int(min: number, max: number): number;
  pick(list: readonly string[]): string;
}

const WORDS = [
  'le',
  'conseil',
  'Keïta',
  'Tombouctou',
  'harvest',
  'drought',
  'élections',
  'the',
  'army',
  'and',
  'récolte',
  'minister',
  'Ségou',
  'price',
  '«',
  '»',
  '—',
  'l’ONU',
];

/** Articles as the export writes generated clips: paragraphs of words, some with a library image. */
function generatedArticles(count: number): string[] {
  const random = seeded(5);
  return Array.from({ length: count }, () => {
    const paragraphs = Array.from(
      { length: random.int(2, 12) },
      () => Array.from({ length: random.int(5, 80) }, () => random.pick(WORDS)).join(' ') + '.',
    );
    if (random.int(0, 1) === 1) paragraphs.splice(1, 0, `![Figure](${ASSET})`);
    return paragraphs.join('\n\n');
  });
}

// Pieces of Markdown the sanitiser keeps, changes or removes, mixed at random below.
const PIECES = [
  'Plain words, accents: Keïta, Ségou — and “quotes”, \'single\', "double", < > & and a\u00a0non-breaking space.',
  'Emoji 🌍 and a rare 𝔘 letter.',
  'Entities: &amp; &copy; &#169; &#x41; &ampfoo; &foo; &nbsp',
  '*em* **strong** ~~gone~~ `code <x> & y` \\*escaped\\*',
  'Line one  \nline two\\\nline three',
  '[a link](https://example.org/a?b=1&c=2) and [titled](https://example.org/t "A title")',
  '[odd title](https://example.org/o "a --> b") [spaced title](https://example.org/s " t ")',
  '[bracket](https://example.org/b "x]>y") [self](https://example.org/c "a/>b")',
  '<https://auto.example.org/path> www.example.org/bare and mail@example.org',
  '[relative](/docs/page) [fragment](#part) [script](javascript:alert(1)) [empty]()',
  '[mail](mailto:someone@example.org) [ftp](ftp://files.example.org/x)',
  '![A map](https://example.org/map.png) ![titled](https://example.org/t.png "Image title")',
  `![A figure](${ASSET}) ![with title](${ASSET} "t") ![](https://example.org/empty-alt.png)`,
  '![data](data:image/png;base64,AAAA) ![ spaced alt ](https://example.org/s.png)',
  '# Heading one',
  '###### Heading six #',
  '- one\n- two\n  - nested\n- three',
  '1. first\n2. second',
  '3. starts at three\n4. four',
  '0. starts at zero',
  '123456. a long start',
  '- [ ] a task\n- [x] done',
  '> A quote\n>\n> - with a list',
  '```js\nconst a = 1 < 2 && "x";\n```',
  '```c++\nint main() {}\n```',
  '```weird<lang>\ncode\n```',
  '```\nno language\n```',
  '    indented code <b>',
  '---',
  '| a | b |\n| --- | --- |\n| 1 | [x](https://example.org/x) |',
  '| left | right |\n|:-----|------:|\n| 1 | 2 |',
  '<div class="raw">Raw HTML block</div>',
  'Inline <b>bold</b> and <span onclick="x()">span</span>',
  '<!-- a comment -->',
  '<script>alert(1)</script>',
  'A carriage\rreturn and a NUL\u0000 here',
  'Footnote reference[^1]\n\n[^1]: The note.',
  '[ref link][r]\n\n[r]: https://example.org/ref',
  'A lone \ud800 surrogate',
];

function mixed(random: Random): string {
  const parts = Array.from({ length: random.int(1, 10) }, () => random.pick(PIECES));
  return parts.join(random.pick(['\n\n', '\n', ' ']));
}

describe('trusted Markdown', () => {
  it('renders exactly as the sanitiser would, for the golden pages, generated articles and mixed Markdown', () => {
    const random = seeded(17);
    const corpus = [
      ...goldenPages(),
      ...generatedArticles(40),
      ...PIECES,
      ...Array.from({ length: 400 }, () => mixed(random)),
    ];
    let taken = 0;
    for (const markdown of corpus) {
      if (trusted(markdown)) taken++;
      expect(markdownToArticle(markdown), markdown).toEqual(sanitizedArticle(markdown));
    }
    // Both ways are exercised.
    expect(taken).toBeGreaterThan(100);
    expect(corpus.length - taken).toBeGreaterThan(100);
  });

  it('takes generated articles, and leaves raw HTML and other addresses to the sanitiser', () => {
    expect(generatedArticles(20).every(trusted)).toBe(true);
    for (const markdown of [
      'Text <b>bold</b>',
      '<div>block</div>',
      '[x](javascript:alert(1))',
      '[x](/relative)',
      '![x](data:image/png;base64,AAAA)',
      '- [ ] task',
      '&copy;',
      '| a |\n|:--|\n| 1 |',
    ])
      expect(trusted(markdown), markdown).toBe(false);
  });
});
