import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { NotebookError } from '../../../shared/errors';
import { parseCsv } from './csv';
import { detectFormat } from './detect-format';
import { parseOmnivore, parseOmnivoreHighlights } from './omnivore';
import { parsePocketCsv, parsePocketHtml } from './pocket';
import {
  READ_LATER_FIXTURES as FIXTURES,
  omnivoreZip,
  readLaterFixture as fixture,
} from './read-later-fixtures';
import { parseReadwise } from './readwise';
import { savedPageHtml } from './saved-page';
import { parseWallabag } from './wallabag';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof NotebookError) return error.code;
    throw error;
  }
  throw new Error('Expected a NotebookError.');
}

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, CRLF or LF, and a BOM', () => {
    const rows = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n\nlast,,\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('refuses a quoted field that never ends', () => {
    expect(codeOf(() => parseCsv('a,b\n"open,1\n'))).toBe('invalid_argument');
  });
});

describe('Pocket', () => {
  it('reads the HTML export: both sections, tags split on commas, titles with entities', () => {
    const { entries } = parsePocketHtml(fixture('ril_export.html'));
    expect(entries.map((e) => [e.url, e.title, e.tags])).toEqual([
      ['https://example.com/granaries-of-djenne', 'Les greniers de Djenné', ['history', 'mali', 'long read']],
      ['https://example.org/tokyo-trains?utm_source=pocket', '東京の電車 — a timetable', []],
      ['https://example.net/smørrebrød', 'Smørrebrød & the open sandwich', ['food']],
    ]);
  });

  it('reads the CSV export: quoted titles with commas and newlines, tags split on |', () => {
    const { entries, problems } = parsePocketCsv(fixture('pocket.csv'));
    expect(problems).toEqual([]);
    expect(entries.map((e) => [e.source, e.url, e.title, e.tags])).toEqual([
      [
        'line 2',
        'https://example.com/granaries-of-djenne',
        'Granaries, mud and rain',
        ['history', 'mali', 'long read'],
      ],
      ['line 3', 'https://example.org/two-lines', 'A title that runs\r\nonto a second line', []],
      ['line 5', 'https://example.net/baume', 'Çağrı und die Bäume', ['natur', 'bäume']],
    ]);
  });

  it('refuses HTML without saved links and CSV with another header', () => {
    expect(codeOf(() => parsePocketHtml('<html><body><p>Hello</p></body></html>'))).toBe('invalid_argument');
    expect(codeOf(() => parsePocketCsv('name,address\nx,y\n'))).toBe('invalid_argument');
  });
});

describe('Wallabag', () => {
  it('reads entries with content, tags, authors and annotations; an entry without url is a problem', () => {
    const { entries, problems } = parseWallabag(fixture('wallabag.json'));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      url: 'https://example.com/granaries-of-djenne',
      title: 'Les greniers de Djenné',
      authors: ['Aïssata Traoré'],
      tags: ['history', 'mali'],
      highlights: [
        { quote: 'mixed with rice husks', comment: 'Why husks? They bind the mud.' },
        { quote: 'a festival called the Crépissage', comment: '' },
      ],
    });
    expect(entries[0]?.html).toContain('<p>The granaries of Djenné');
    expect(entries[1]?.html).toBeUndefined();
    expect(problems).toEqual([{ subject: 'entry 3', code: 'no_url', message: 'This entry has no url.' }]);
  });

  it('refuses what is not JSON, or not a list', () => {
    expect(codeOf(() => parseWallabag('[{"url": '))).toBe('invalid_argument');
    expect(codeOf(() => parseWallabag('{"entries": []}'))).toBe('invalid_argument');
  });
});

describe('Readwise', () => {
  it('groups highlights by document, keeps notes, colours and tags, and drops action tags', () => {
    const { entries, problems } = parseReadwise(fixture('readwise.csv'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(2);
    const [granaries, karenina] = entries;
    expect(granaries).toMatchObject({
      url: 'https://example.com/granaries-of-djenne',
      title: 'Les greniers de Djenné',
      authors: ['Aïssata Traoré'],
      highlights: [
        {
          quote: 'The granaries of Djenné were built of banco, a mud mixed with rice husks',
          comment: 'Why husks? "They bind", she wrote.',
          color: 'yellow',
        },
        {
          quote: 'Every spring the whole town replasters the great mosque.\n\nIt is called the Crépissage.',
          comment: '',
          color: 'blue',
        },
      ],
    });
    expect(new Set(granaries?.tags)).toEqual(new Set(['history', 'mali', 'favorite', 'building']));
    expect(karenina).toMatchObject({
      url: null,
      title: 'Anna Karenina',
      authors: ['Leo Tolstoy'],
      tags: ['novels'],
    });
    expect(karenina?.highlights).toEqual([
      {
        quote: 'All happy families are alike; each unhappy family is unhappy in its own way.',
        comment: 'Opening line',
        color: 'pink',
      },
    ]);
  });

  it('refuses a CSV without the Highlight and Book Title columns', () => {
    expect(codeOf(() => parseReadwise(fixture('pocket.csv')))).toBe('invalid_argument');
  });
});

describe('Omnivore', () => {
  it('reads highlight Markdown: quotes over several lines, labels skipped, notes kept', () => {
    const md = fixture('omnivore/highlights/granaries-of-djenne-18b1c2d3e4f.md');
    expect(parseOmnivoreHighlights(md)).toEqual([
      { quote: 'mixed with rice husks', comment: 'Why husks? They bind the mud.' },
      {
        quote:
          'Every spring the whole town replasters the great mosque,\n\na festival called the Crépissage.',
        comment: '',
      },
      { quote: 'A sentence the saved article never had.', comment: '' },
    ]);
  });

  it('reads the zip: items with their content and highlights; an item without url is a problem', () => {
    const { entries, problems } = parseOmnivore(omnivoreZip());
    expect(entries.map((e) => [e.url, e.title, e.tags, e.highlights.length, e.html !== undefined])).toEqual([
      [
        'https://example.com/granaries-of-djenne',
        'Les greniers de Djenné',
        ['history', 'Mali', 'long read'],
        3,
        true,
      ],
      ['https://example.org/tokyo-trains', '東京の電車', [], 0, true],
    ]);
    expect(problems.map((p) => p.code)).toEqual(['no_url']);
  });

  it('refuses a damaged zip, a zip without metadata, and one that unpacks past the limit', () => {
    expect(codeOf(() => parseOmnivore(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])))).toBe('invalid_argument');
    expect(codeOf(() => parseOmnivore(zipSync({ 'notes.txt': strToU8('hello') })))).toBe('invalid_argument');
    const bomb = zipSync({ 'metadata_0_to_1.json': new Uint8Array(4 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(codeOf(() => parseOmnivore(bomb, 1024 * 1024))).toBe('too_large');
  });
});

describe('detecting the format from the content', () => {
  it('tells each export apart', () => {
    const bytes = (name: string): Uint8Array => readFileSync(join(FIXTURES, name));
    expect(detectFormat(bytes('ril_export.html'))).toBe('pocket-html');
    expect(detectFormat(bytes('pocket.csv'))).toBe('pocket-csv');
    expect(detectFormat(bytes('wallabag.json'))).toBe('wallabag');
    expect(detectFormat(bytes('readwise.csv'))).toBe('readwise');
    expect(detectFormat(omnivoreZip())).toBe('omnivore');
  });

  it('refuses a file that is none of them', () => {
    expect(codeOf(() => detectFormat(strToU8('name,address\nx,y\n')))).toBe('invalid_argument');
    expect(codeOf(() => detectFormat(strToU8('just some notes')))).toBe('invalid_argument');
  });
});

describe('the saved page of a link-only clip', () => {
  it('turns images into links, and adds the highlighted passages the saved text lacks', () => {
    const html = savedPageHtml({
      source: 'entry 1',
      url: 'https://example.com/a',
      title: 'A <title>',
      authors: [],
      tags: [],
      html: '<p>Kept text.</p><img src="https://example.com/i.png" alt="A map">',
      highlights: [
        { quote: 'Kept text.', comment: '' },
        { quote: 'Lost & found', comment: '' },
      ],
    });
    expect(html).toContain('<title>A &lt;title&gt;</title>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.com/i.png">Image: A map</a>');
    expect(html).toContain('<blockquote><p>Lost &amp; found</p></blockquote>');
    expect(html.match(/<blockquote>/g)).toHaveLength(1);
  });
});
