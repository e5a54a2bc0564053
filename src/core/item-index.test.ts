import { describe, expect, it } from 'vitest';
import { ItemIndex } from './item-index';
import type { ClipRecord, ItemRecord, NoteRecord } from './item-record';

function item(id: string, updated: string, extra: Partial<NoteRecord> = {}): NoteRecord {
  return {
    id,
    type: 'note',
    title: id,
    tags: [],
    excerpt: '',
    created: updated,
    updated,
    deleted: null,
    rev: 1,
    bodyFile: `00/${id}.1.md`,
    ...extra,
  };
}

const day = (n: number): string => `2024-01-${String(n).padStart(2, '0')}T00:00:00.000Z`;
const ids = (page: { items: ItemRecord[] }): string[] => page.items.map((i) => i.id);

describe('ItemIndex', () => {
  it('keeps updated-descending, then id order through adds, removes and replacements', async () => {
    const index = await ItemIndex.build([[item('b', day(1)), item('a', day(1))], [item('c', day(3))]]);
    expect(ids(index.query({ view: 'all', offset: 0, limit: 10 }))).toEqual(['c', 'a', 'b']);
    const old = item('a', day(1));
    index.remove(old);
    index.add(item('a', day(5)));
    index.add(item('d', day(2)));
    expect(ids(index.query({ view: 'all', offset: 0, limit: 10 }))).toEqual(['a', 'c', 'd', 'b']);
    expect(ids(index.query({ view: 'all', offset: 1, limit: 2 }))).toEqual(['c', 'd']);
  });

  it('builds from many runs in the same order as one full sort', async () => {
    const records = Array.from({ length: 300 }, (_, i) =>
      item(`id${(i * 7919) % 1000}`, day(1 + ((i * 31) % 28))),
    );
    const groups = Array.from({ length: 7 }, (_, g) => records.filter((_, i) => i % 7 === g));
    const built = await ItemIndex.build(groups);
    const expected = [...records].sort((x, y) =>
      x.updated === y.updated ? (x.id < y.id ? -1 : 1) : x.updated > y.updated ? -1 : 1,
    );
    expect(ids(built.query({ view: 'all', offset: 0, limit: 1000 }))).toEqual(expected.map((r) => r.id));
  });

  it('adds many at once in the order adding each gives, trash, clips and counts too', () => {
    const kinds = (i: number): ItemRecord =>
      i % 5 === 0
        ? { ...item(`m${(i * 7919) % 1000}`, day(1 + ((i * 13) % 28))), deleted: day(28) }
        : i % 3 === 0
          ? ({
              ...item(`m${(i * 7919) % 1000}`, day(1 + ((i * 13) % 28))),
              type: 'clip',
            } as unknown as ItemRecord)
          : item(`m${(i * 7919) % 1000}`, day(1 + ((i * 13) % 28)));
    const present = Array.from({ length: 120 }, (_, i) => item(`p${i}`, day(1 + ((i * 17) % 28))));
    for (const size of [5, 200]) {
      const batch = Array.from({ length: size }, (_, i) => kinds(i));
      const oneByOne = new ItemIndex();
      const atOnce = new ItemIndex();
      for (const record of present) {
        oneByOne.add(record);
        atOnce.add(record);
      }
      for (const record of batch) oneByOne.add(record);
      atOnce.addAll(batch);
      for (const view of ['all', 'clips', 'notes', 'trash'] as const)
        expect(ids(atOnce.query({ view, offset: 0, limit: 1000 }))).toEqual(
          ids(oneByOne.query({ view, offset: 0, limit: 1000 })),
        );
      expect(atOnce.counts).toEqual(oneByOne.counts);
      expect(atOnce.counts.trash).toBeGreaterThan(0);
    }
  });

  it('matches random inserts against a full sort', () => {
    const index = new ItemIndex();
    const all: ItemRecord[] = [];
    for (let i = 0; i < 500; i++) {
      const record = item(`id${(i * 7919) % 1000}`, day(1 + ((i * 31) % 28)));
      all.push(record);
      index.add(record);
    }
    for (const record of all.splice(0, 100)) index.remove(record);
    const expected = [...all].sort((x, y) =>
      x.updated === y.updated ? (x.id < y.id ? -1 : 1) : x.updated > y.updated ? -1 : 1,
    );
    expect(ids(index.query({ view: 'all', offset: 0, limit: 1000 }))).toEqual(expected.map((r) => r.id));
  });

  it('separates the trash and filters by tag including nested tags, case-insensitively', async () => {
    const index = await ItemIndex.build([
      [
        item('mali', day(4), { tags: ['Sahel/Mali'] }),
        item('gone', day(1), { tags: ['sahel'], deleted: day(5) }),
      ],
      [item('sahel', day(3), { tags: ['sahel'] })],
      [item('near', day(2), { tags: ['sahelian'] })],
    ]);
    expect(ids(index.query({ view: 'all', tag: 'SAHEL', offset: 0, limit: 10 }))).toEqual(['mali', 'sahel']);
    expect(index.query({ view: 'all', tag: 'sahel', offset: 1, limit: 10 })).toMatchObject({
      total: 2,
      items: [{ id: 'sahel' }],
    });
    expect(ids(index.query({ view: 'trash', tag: 'sahel', offset: 0, limit: 10 }))).toEqual(['gone']);
    expect(index.counts).toEqual({ live: 3, notes: 3, clips: 0, trash: 1 });
  });

  it('filters notes and clips, and counts each type outside the trash as items come and go', async () => {
    const clip = (id: string, updated: string, extra: Partial<ClipRecord> = {}): ClipRecord => ({
      ...item(id, updated),
      type: 'clip',
      url: `https://example.org/${id}`,
      canonicalUrl: `https://example.org/${id}`,
      authors: [],
      siteName: null,
      published: null,
      lang: null,
      clipped: updated,
      assets: [],
      mode: 'article',
      bodyFile: `00/${id}.1.json`,
      ...extra,
    });
    const index = await ItemIndex.build([
      [item('n1', day(1)), clip('c1', day(2)), clip('c2', day(3), { deleted: day(4) })],
      [clip('c3', day(5), { tags: ['x'] })],
    ]);
    expect(index.counts).toEqual({ live: 3, notes: 1, clips: 2, trash: 1 });
    expect(ids(index.query({ view: 'clips', offset: 0, limit: 10 }))).toEqual(['c3', 'c1']);
    expect(ids(index.query({ view: 'notes', offset: 0, limit: 10 }))).toEqual(['n1']);
    expect(ids(index.query({ view: 'clips', tag: 'x', offset: 0, limit: 10 }))).toEqual(['c3']);
    index.remove(clip('c3', day(5), { tags: ['x'] }));
    index.add(clip('c4', day(6)));
    index.add(clip('c5', day(7), { deleted: day(8) }));
    expect(index.counts).toEqual({ live: 3, notes: 1, clips: 2, trash: 2 });
  });
});
