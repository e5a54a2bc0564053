import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Item } from '../shared/types';
import { call } from '../../tests/helpers/call';
import { steppingClock, withTempLibrary } from '../../tests/helpers/temp-library';
import { articleHtml, ARTICLE_URL } from './highlights/article-fixture';
import type { ClipRecord, ItemRecord, NoteRecord, ShardData } from './item-record';
import type { Notebook } from './notebook';
import { ShardText } from './shard-text';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures');

function note(id: string, title: string): NoteRecord {
  return {
    id,
    type: 'note',
    title,
    tags: ['a/b'],
    excerpt: 'Sécurité "quoted" \\ back\nslash',
    created: '2024-01-01T00:00:00.000Z',
    updated: '2024-01-02T00:00:00.000Z',
    deleted: null,
    rev: 3,
    bodyFile: `${id}.3.md`,
    links: ['Other'],
    assets: [],
    aliases: [],
  };
}

describe('ShardText', () => {
  it('gives exactly what JSON.stringify gives, in the same key order', () => {
    const text = new ShardText();
    // Keys that look like numbers come first in an object, whatever order they were put in.
    const items: Record<string, ItemRecord> = {};
    for (const id of ['zz', '20', 'a"b', '3', 'é-1']) items[id] = note(id, `Title ${id} ☃`);
    const data: ShardData = { items };
    expect(text.of(data)).toBe(JSON.stringify(data));
    expect(text.of({ items: {} })).toBe(JSON.stringify({ items: {} }));
  });

  it('serializes a record put in place of another anew', () => {
    const text = new ShardText();
    const data: ShardData = { items: { n1: note('n1', 'First'), n2: note('n2', 'Second') } };
    expect(text.of(data)).toBe(JSON.stringify(data));
    data.items.n1 = { ...note('n1', 'Renamed'), rev: 4 };
    delete data.items.n2;
    expect(text.of(data)).toBe(JSON.stringify(data));
    expect(text.of(data)).toContain('Renamed');
  });
});

/** Every item as the notebook shows it, trash included. */
async function everything(notebook: Notebook): Promise<Item[]> {
  const items: Item[] = [];
  for (const view of ['all', 'trash'] as const) {
    const page = await call(notebook, 'listItems', { view, limit: 500 });
    for (const summary of page.items) items.push(await call(notebook, 'getItem', { id: summary.id }));
  }
  return items.sort((a, b) => a.id.localeCompare(b.id));
}

describe('shards saved from kept JSON', () => {
  it('hold after a restart what the notebook showed before it, through every kind of change', async () => {
    // Changes made quickly one after another, so the same shards are saved again and again while
    // their records' JSON is kept: a record changed in place would be saved stale and come back
    // different after the restart.
    await withTempLibrary(
      async (library) => {
        const { notebook } = library;
        const ideas = await call(notebook, 'createNote', {
          title: 'Ideas',
          body: 'See [[Plans]].',
          tags: ['x'],
        });
        const plans = await call(notebook, 'createNote', { title: 'Plans', body: 'Back to [[Ideas]].' });
        const notes: string[] = [];
        for (let n = 0; n < 30; n++) {
          const made = await call(notebook, 'createNote', {
            title: `Note ${n}`,
            body: `About [[Plans]] ${n}`,
            tags: ['y'],
          });
          notes.push(made.id);
        }
        await call(notebook, 'updateNote', {
          id: ideas.id,
          body: 'Now [[Plans]] and more.',
          aliases: ['Thoughts'],
        });
        await call(notebook, 'renameItem', { id: plans.id, title: 'Schemes' });
        await call(notebook, 'tagItem', { id: plans.id, add: ['z/deep'], remove: [] });
        const all = await call(notebook, 'listItems', { limit: 500 });
        await call(notebook, 'tagItems', { ids: all.items.map((item) => item.id), add: ['bulk'] });
        await call(notebook, 'renameTag', { from: 'y', to: 'why' });
        const { clip } = await call(notebook, 'clip', { html: articleHtml(), url: ARTICLE_URL });
        const highlight = await call(notebook, 'addHighlight', { clipId: clip.id, quote: 'rice husks' });
        await call(notebook, 'updateHighlight', {
          clipId: clip.id,
          highlightId: highlight.id,
          comment: 'Why?',
        });
        await call(notebook, 'trashItem', { id: notes[3] as string });
        await call(notebook, 'trashItem', { id: notes[4] as string });
        await call(notebook, 'restoreItem', { id: notes[4] as string });
        await call(notebook, 'importMarkdown', { dir: path.join(FIXTURES, 'vault') });
        await call(notebook, 'tagItem', { id: ideas.id, add: [], remove: ['x'] });
        const before = await everything(notebook);
        expect(before.length).toBeGreaterThan(35);
        const clipAfter = before.find((item) => item.id === clip.id) as unknown as ClipRecord;
        expect(clipAfter.highlights?.[0]?.comment).toBe('Why?');
        const reopened = await library.reopen();
        expect(await everything(reopened)).toEqual(before);
      },
      { clock: steppingClock(), clipper: { inWorker: false } },
    );
  });
});
