import { describe, expect, it } from 'vitest';
import type { ClipRecord, NoteRecord } from './item-record';
import { SharedStrings } from './shared-strings';

const note: NoteRecord = {
  id: 'n1',
  type: 'note',
  title: 'Field notes',
  tags: ['sahel/mali', 'reading'],
  excerpt: 'River high.',
  created: '2026-01-02T03:04:05.000Z',
  updated: '2026-01-02T03:04:05.000Z',
  deleted: null,
  rev: 3,
  bodyFile: 'n1/n1.3.md',
};

const clip: ClipRecord = {
  id: 'c1',
  type: 'clip',
  title: 'Mali announces the withdrawal',
  tags: ['sahel/mali'],
  excerpt: 'The mission…',
  created: '2026-01-02T03:04:05.000Z',
  updated: '2026-02-03T04:05:06.000Z',
  deleted: null,
  rev: 4,
  url: 'https://example.org/a?utm_source=x',
  canonicalUrl: 'https://example.org/a',
  authors: ['Awa Keïta', 'Jean Dupont'],
  siteName: 'Example',
  published: '2024-11',
  lang: 'fr',
  clipped: '2026-01-02T03:04:06.000Z',
  assets: [],
  mode: 'article',
  bodyFile: 'c1/c1.4.json',
};

/** A record as the JSON parser gives it: a fresh object, no string shared with the others. */
function parsed<T>(record: T): T {
  return JSON.parse(JSON.stringify(record)) as T;
}

describe('SharedStrings', () => {
  it('gives back the first copy of each string it is handed', () => {
    const strings = new SharedStrings();
    expect(strings.share('sahel')).toBe('sahel');
    expect(strings.share(['sa', 'hel'].join(''))).toBe('sahel');
    expect(strings.share('')).toBe('');
  });

  it('leaves every value of a record as it was, whichever fields are equal, different or empty', () => {
    const strings = new SharedStrings();
    const samples = [
      note,
      { ...note, id: 'n2', updated: '2026-03-04T05:06:07.000Z', tags: [] },
      clip,
      { ...clip, id: 'c2', canonicalUrl: clip.url, clipped: clip.created, updated: clip.created },
      { ...clip, id: 'c3', authors: [], siteName: null, published: null, lang: null },
      { ...clip, id: 'c4', tags: ['sahel/mali', 'Sahel/Mali', 'reading'], authors: ['Awa Keïta'] },
    ];
    for (const sample of samples) {
      const record = parsed(sample);
      strings.shareRecord(record);
      expect(record).toStrictEqual(sample);
    }
  });

  it('points empty lists at one frozen list, which nothing can change for every record at once', () => {
    const strings = new SharedStrings();
    const a = parsed<ClipRecord>({ ...clip, tags: [], authors: [] });
    const b = parsed<NoteRecord>({ ...note, id: 'n3', tags: [] });
    strings.shareRecord(a);
    strings.shareRecord(b);
    expect(a.tags).toStrictEqual([]);
    expect(a.tags).toBe(b.tags);
    expect(a.authors).toBe(a.assets);
    expect(() => a.tags.push('sahel')).toThrow(TypeError);
    expect(b.tags).toStrictEqual([]);
  });
});
