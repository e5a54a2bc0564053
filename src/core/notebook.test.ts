import { describe, expect, it } from 'vitest';
import { parseArgs } from '../shared/api';
import type { ArgsIn, MethodName } from '../shared/api';
import type { NotebookEvent } from '../shared/types';
import { rejection } from '../../tests/helpers/errors';
import { steppingClock, withTempLibrary } from '../../tests/helpers/temp-library';
import type { Notebook } from './notebook';
import { asNote } from '../../tests/helpers/items';

// Calls the way every door does: raw arguments through the contract's schemas.
function call<M extends MethodName>(notebook: Notebook, method: M, args: ArgsIn<M>): ReturnType<Notebook[M]> {
  return (notebook[method] as (a: unknown) => ReturnType<Notebook[M]>)(parseArgs(method, args));
}

describe('notes', () => {
  it('creates, reads, updates and lists a note', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const note = await call(notebook, 'createNote', {
          title: 'Sécurité à Niamey',
          body: '# Notes\n\nKeïta said **this**.',
          tags: ['#Sahel/Mali', 'sahel/mali', 'field'],
        });
        expect(note).toMatchObject({
          type: 'note',
          title: 'Sécurité à Niamey',
          tags: ['Sahel/Mali', 'field'],
          deleted: null,
          rev: 1,
        });
        expect(note.excerpt).toBe('Notes Keïta said this.');
        expect(note.created).toMatch(/^2024-03-01T09:00:0\d\.000Z$/);
        expect(note.updated).toBe(note.created);
        expect(await call(notebook, 'getItem', { id: note.id })).toEqual(note);

        const updated = await call(notebook, 'updateNote', { id: note.id, body: 'Second draft', baseRev: 1 });
        expect(updated).toMatchObject({
          title: 'Sécurité à Niamey',
          body: 'Second draft',
          excerpt: 'Second draft',
          rev: 2,
          created: note.created,
        });
        expect(updated.updated > note.updated).toBe(true);
        const renamed = await call(notebook, 'updateNote', { id: note.id, title: '' });
        expect(renamed).toMatchObject({ title: '', body: 'Second draft', rev: 3 });

        const page = await call(notebook, 'listItems', {});
        expect(page.total).toBe(1);
        const { body: _body, ...summary } = asNote(renamed);
        expect(page.items[0]).toEqual(summary);
        expect(page.items[0]).not.toHaveProperty('body');
      },
      { clock: steppingClock() },
    );
  });

  it('refuses a stale baseRev, an unknown id and an edit in the trash', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', { title: 'A' });
      await call(notebook, 'updateNote', { id: note.id, body: 'one' });
      await expect(
        call(notebook, 'updateNote', { id: note.id, body: 'two', baseRev: note.rev }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await expect(call(notebook, 'getItem', { id: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
      await expect(call(notebook, 'updateNote', { id: 'nope', body: 'x' })).rejects.toMatchObject({
        code: 'not_found',
      });
      await call(notebook, 'trashItem', { id: note.id });
      const refused = await rejection(call(notebook, 'updateNote', { id: note.id, body: 'three' }));
      expect(refused.code).toBe('conflict');
      expect(refused.message).toContain('restore it first');
      expect(asNote(await call(notebook, 'getItem', { id: note.id })).body).toBe('one');
    });
  });

  it('keeps one body file per note, removing the replaced one', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', { title: 'A', body: 'first' });
      await call(notebook, 'updateNote', { id: note.id, body: 'second' });
      await call(notebook, 'updateNote', { id: note.id, title: 'B' });
      const report = await call(notebook, 'checkLibrary', {});
      expect(report).toMatchObject({ ok: true, problems: [], checked: { items: 1 } });
      expect(asNote(await call(notebook, 'getItem', { id: note.id })).body).toBe('second');
    });
  });

  it('serializes concurrent edits of one note and keeps every note of a burst', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const notes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          call(notebook, 'createNote', { title: `n${i}`, body: `body ${i}` }),
        ),
      );
      const target = notes[0]!;
      const edits = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          call(notebook, 'updateNote', { id: target.id, body: `edit ${i}` }),
        ),
      );
      expect(new Set(edits.map((e) => e.rev)).size).toBe(10);
      const final = await call(notebook, 'getItem', { id: target.id });
      expect(final.rev).toBe(Math.max(...edits.map((e) => e.rev)));
      expect(asNote(final).body).toBe(asNote(edits.find((e) => e.rev === final.rev)!).body);
      expect((await call(notebook, 'listItems', { limit: 1000 })).total).toBe(40);
      expect((await call(notebook, 'checkLibrary', {})).ok).toBe(true);
    });
  });
});

describe('listing', () => {
  it('orders by last update, pages, filters by tag including nested tags, and counts tags', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const mali = await call(notebook, 'createNote', { title: 'Mali', tags: ['sahel/mali'] });
        const niger = await call(notebook, 'createNote', { title: 'Niger', tags: ['Sahel/Niger', 'urgent'] });
        const sahel = await call(notebook, 'createNote', { title: 'Sahel', tags: ['sahel'] });
        const other = await call(notebook, 'createNote', { title: 'Other', tags: ['sahelian'] });
        await call(notebook, 'updateNote', { id: mali.id, body: 'touched' });

        const titles = async (args: ArgsIn<'listItems'>): Promise<string[]> =>
          (await call(notebook, 'listItems', args)).items.map((i) => i.title);
        expect(await titles({})).toEqual(['Mali', 'Other', 'Sahel', 'Niger']);
        expect(await titles({ view: 'notes' })).toEqual(['Mali', 'Other', 'Sahel', 'Niger']);
        expect(await titles({ tag: 'SAHEL' })).toEqual(['Mali', 'Sahel', 'Niger']);
        expect(await titles({ tag: 'sahel/niger' })).toEqual(['Niger']);
        const page = await call(notebook, 'listItems', { tag: 'sahel', offset: 1, limit: 1 });
        expect(page).toMatchObject({ total: 3, offset: 1 });
        expect(page.items.map((i) => i.title)).toEqual(['Sahel']);
        expect(await titles({ offset: 2, limit: 5 })).toEqual(['Sahel', 'Niger']);

        await call(notebook, 'trashItem', { id: niger.id });
        expect(await titles({ tag: 'sahel' })).toEqual(['Mali', 'Sahel']);
        expect(await titles({ view: 'trash' })).toEqual(['Niger']);
        await call(notebook, 'tagItem', { id: sahel.id, add: ['Field'], remove: ['SAHEL'] });
        await call(notebook, 'tagItem', { id: other.id, add: ['field', 'Sahel/Mali'] });
        expect((await call(notebook, 'listTags', {})).tags).toEqual([
          { name: 'field', count: 2 },
          { name: 'Sahel/Mali', count: 2 },
          { name: 'sahelian', count: 1 },
        ]);
        expect(await titles({})).toEqual(['Other', 'Sahel', 'Mali']);
      },
      { clock: steppingClock() },
    );
  });

  it('refuses an invalid tag with invalid_argument', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const note = await call(notebook, 'createNote', {});
      await expect(call(notebook, 'tagItem', { id: note.id, add: ['no spaces'] })).rejects.toMatchObject({
        code: 'invalid_argument',
      });
    });
  });
});

describe('trash', () => {
  it('trashes, restores and empties for good', async () => {
    await withTempLibrary(async (library) => {
      const { notebook } = library;
      const keep = await call(notebook, 'createNote', { title: 'keep', body: 'kept' });
      const drop = await call(notebook, 'createNote', { title: 'drop', body: 'dropped' });
      const trashed = await call(notebook, 'trashItem', { id: keep.id });
      expect(trashed.deleted).not.toBeNull();
      expect(await call(notebook, 'trashItem', { id: keep.id })).toEqual(trashed);
      expect((await call(notebook, 'restoreItem', { id: keep.id })).deleted).toBeNull();
      await call(notebook, 'trashItem', { id: drop.id });
      expect(await call(notebook, 'getLibraryInfo', {})).toMatchObject({
        counts: { items: 1, notes: 1, clips: 0, trash: 1 },
      });

      expect(await call(notebook, 'emptyTrash', {})).toEqual({ purged: 1 });
      expect(await call(notebook, 'emptyTrash', {})).toEqual({ purged: 0 });
      await expect(call(notebook, 'getItem', { id: drop.id })).rejects.toMatchObject({ code: 'not_found' });
      expect((await call(notebook, 'listItems', { view: 'trash' })).total).toBe(0);
      expect(await call(notebook, 'checkLibrary', {})).toMatchObject({ ok: true, checked: { items: 1 } });

      const reopened = await library.reopen();
      expect((await call(reopened, 'listItems', {})).items.map((i) => i.id)).toEqual([keep.id]);
      expect(asNote(await call(reopened, 'getItem', { id: keep.id })).body).toBe('kept');
    });
  });

  it('never hands out a revision twice, even after purging the newest items and reopening', async () => {
    await withTempLibrary(async (library) => {
      const a = await call(library.notebook, 'createNote', { title: 'a' });
      const b = await call(library.notebook, 'createNote', { title: 'b' });
      await call(library.notebook, 'trashItem', { id: b.id });
      await call(library.notebook, 'emptyTrash', {});
      const revBefore = (await call(library.notebook, 'getLibraryInfo', {})).rev;
      expect(revBefore).toBe(4);

      const reopened = await library.reopen();
      expect((await call(reopened, 'getLibraryInfo', {})).rev).toBe(revBefore);
      const c = await call(reopened, 'createNote', { title: 'c' });
      expect(c.rev).toBe(revBefore + 1);
      expect(a.rev).toBeLessThan(c.rev);
    });
  });
});

describe('lifecycle', () => {
  it('persists across reopen and announces each durable change', async () => {
    await withTempLibrary(async (library) => {
      const events: NotebookEvent[] = [];
      const stop = library.notebook.onEvent((event) => events.push(event));
      const note = await call(library.notebook, 'createNote', {
        title: 'Keïta',
        body: 'Niamey, 2019',
        tags: ['sahel/niger'],
      });
      await call(library.notebook, 'tagItem', { id: note.id, add: ['interview'] });
      stop();
      await call(library.notebook, 'trashItem', { id: note.id });
      expect(events).toEqual([
        { type: 'items-changed', ids: [note.id], rev: 1 },
        { type: 'items-changed', ids: [note.id], rev: 2 },
      ]);

      const reopened = await library.reopen();
      const item = await call(reopened, 'getItem', { id: note.id });
      expect(item).toMatchObject({
        title: 'Keïta',
        body: 'Niamey, 2019',
        tags: ['sahel/niger', 'interview'],
        rev: 3,
      });
      expect(item.deleted).not.toBeNull();
      expect(await call(reopened, 'getLibraryInfo', {})).toMatchObject({
        rev: 3,
        schemaVersion: 2,
        recoveries: [],
      });
    });
  });

  it('close waits for pending saves, is idempotent, and refuses calls afterwards', async () => {
    await withTempLibrary(async (library) => {
      const first = await call(library.notebook, 'createNote', { body: 'first' });
      // Edits of one note queue behind each other: the last ones have not started when close() is called.
      const edits = Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          call(library.notebook, 'updateNote', { id: first.id, body: `edit ${i}` }),
        ),
      );
      const pending = Promise.all(
        Array.from({ length: 20 }, (_, i) => call(library.notebook, 'createNote', { body: `n${i}` })),
      );
      let settled = 0;
      void edits.then(() => settled++);
      void pending.then(() => settled++);
      await Promise.all([library.notebook.close(), library.notebook.close()]);
      expect(settled).toBe(2);
      const created = await pending;
      await expect(call(library.notebook, 'listItems', {})).rejects.toThrow(/closed/);
      await edits;
      const reopened = await library.reopen();
      expect((await call(reopened, 'listItems', {})).total).toBe(created.length + 1);
      expect(asNote(await call(reopened, 'getItem', { id: first.id })).body).toBe('edit 4');
    });
  });
});
