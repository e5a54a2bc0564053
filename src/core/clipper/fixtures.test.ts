/**
 * Golden fixture pages (tests/fixtures/pages): each `<name>.expected.json` says what extraction must
 * give for `<page>` — metadata exactly, paragraphs that must be in the body, furniture that must
 * not — and `<name>.expected.md` is the reviewed Markdown. `UPDATE_GOLDEN=1` rewrites the Markdown
 * snapshots; review the diff before keeping it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../shared/errors';
import { decodeHtml } from './charset';
import { parseFragment, textOf } from './dom';
import { extractArticle, type Extracted } from './extract';

const PAGES = resolve(__dirname, '..', '..', '..', 'tests', 'fixtures', 'pages');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface Expectation extends Partial<Omit<Extracted, 'text' | 'markdown' | 'html'>> {
  page: string;
  url: string | null;
  contentType?: string | null;
  mode?: 'article' | 'page';
  error?: string;
  bodyMustContain?: string[];
  bodyMustNotContain?: string[];
  /** Metadata fields compared exactly. */
  exact?: (keyof Extracted)[];
}

const METADATA: (keyof Extracted)[] = [
  'title',
  'authors',
  'siteName',
  'published',
  'lang',
  'canonicalUrl',
  'citation',
  'suggestedTags',
  'images',
];

const cases = readdirSync(PAGES)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => ({
    name: file.replace(/\.expected\.json$/, ''),
    expected: JSON.parse(readFileSync(join(PAGES, file), 'utf8')) as Expectation,
  }));

function extract(expected: Expectation): Extracted {
  const bytes = readFileSync(join(PAGES, expected.page));
  const html = decodeHtml(bytes, expected.contentType ?? null);
  return extractArticle({ html, url: expected.url, mode: expected.mode ?? 'article' });
}

describe('golden fixture pages', () => {
  it('has the fixtures the clipper is measured on', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const { name, expected } of cases) {
    describe(name, () => {
      if (expected.error !== undefined) {
        it(`fails with ${expected.error}`, () => {
          expect(() => extract(expected)).toThrow(NotebookError);
          try {
            extract(expected);
          } catch (error) {
            expect((error as NotebookError).code).toBe(expected.error);
          }
        });
        return;
      }
      const result = extract(expected);

      it('reads the metadata', () => {
        for (const field of METADATA) {
          if (field in expected) {
            expect({ [field]: result[field] }).toEqual({
              [field]: (expected as unknown as Record<string, unknown>)[field],
            });
          }
        }
      });

      it('keeps every paragraph of the article', () => {
        for (const text of expected.bodyMustContain ?? []) expect(result.text).toContain(text);
      });

      it('keeps none of the furniture', () => {
        for (const text of expected.bodyMustNotContain ?? []) {
          expect(result.text).not.toContain(text);
          expect(result.markdown).not.toContain(text);
          expect(result.html).not.toContain(text);
        }
      });

      it('matches its reviewed Markdown', () => {
        const file = join(PAGES, `${name}.expected.md`);
        if (UPDATE) writeFileSync(file, `${result.markdown}\n`);
        expect(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(`${result.markdown}\n`).toBe(readFileSync(file, 'utf8'));
      });

      it('gives the body without the title heading, paragraphs apart', () => {
        const headings = parseFragment(result.html).querySelectorAll('h1, h2, h3');
        for (const heading of headings) expect(textOf(heading)).not.toBe(result.title);
        expect(result.text).not.toMatch(/\n{3,}/);
        expect(result.text).toBe(result.text.trim());
      });
    });
  }
});
