import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotebookEvent, SearchResult } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { snapshotFiles } from '../../../tests/helpers/library-files';
import { withTempLibrary, type TempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';

const ids = (result: SearchResult): string[] => result.hits.map((hit) => hit.id).sort();
const find = async (notebook: Notebook, query: string): Promise<string[]> =>
  ids(await call(notebook, 'search', { query }));

/** Every 'index' progress event the notebook sends from now on. */
function indexProgress(notebook: Notebook): NotebookEvent[] {
  const events: NotebookEvent[] = [];
  notebook.onEvent((event) => {
    if (event.type === 'progress' && event.job === 'index') events.push(event);
  });
  return events;
}

/** Overwrites every file under `dir` with bytes no index format reads. */
async function damage(dir: string): Promise<void> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) await fs.writeFile(path.join(entry.parentPath, entry.name), '\u0000 not an index {');
  }
}

/** Reopens the library and waits for its index to load, so the test may then touch the index folder. */
async function reopenLoaded(library: TempLibrary): Promise<Notebook> {
  const notebook = await library.reopen();
  await notebook.whenSearchReady();
  return notebook;
}

async function notes(notebook: Notebook, count: number, words: string): Promise<string[]> {
  const made: string[] = [];
  for (let i = 0; i < count; i++)
    made.push((await call(notebook, 'createNote', { title: `Note ${i}`, body: words })).id);
  return made;
}

describe('the index on disk', () => {
  it('is saved on close and loaded on open: same answers, no rebuild', async () => {
    await withTempLibrary(async (library) => {
      const made = await notes(library.notebook, 3, 'Caravans crossed the Tanezrouft.');
      const { clip } = await call(library.notebook, 'clip', {
        html:
          '<!doctype html><title>Salt roads</title><article><h1>Salt roads</h1>' +
          '<p>The azalai caravans carried salt slabs from Taoudenni to Timbuktu every winter, a journey of weeks.</p>'.repeat(
            4,
          ) +
          '</article>',
        url: 'https://caravans.example/salt',
      });
      const before = [await find(library.notebook, 'tanezrouft'), await find(library.notebook, 'taoudenni')];

      const notebook = await library.reopen();
      const events = indexProgress(notebook);
      expect((await fs.stat(path.join(library.dir, 'index'))).isDirectory()).toBe(true);
      await notebook.whenSearchReady();
      expect([await find(notebook, 'tanezrouft'), await find(notebook, 'taoudenni')]).toEqual(before);
      expect(before).toEqual([made.sort(), [clip.id]]);
      expect(events).toEqual([]);
      expect((await call(notebook, 'search', { query: 'salt' })).index.state).toBe('ready');
      expect((await call(notebook, 'checkLibrary', {})).problems).toEqual([]);

      // Not saved on every edit: the folder changes when the library closes (or after a quiet spell).
      const saved = await snapshotFiles(path.join(library.dir, 'index'));
      const late = await call(notebook, 'createNote', { title: 'Tanezrouft again' });
      expect(await find(notebook, 'tanezrouft')).toEqual([...made, late.id].sort());
      expect(await snapshotFiles(path.join(library.dir, 'index'))).toEqual(saved);
      const last = await reopenLoaded(library);
      expect(await snapshotFiles(path.join(library.dir, 'index'))).not.toEqual(saved);
      expect(await find(last, 'tanezrouft')).toEqual([...made, late.id].sort());
    });
  });

  it('replays what changed after it was saved (a kill before the next save)', async () => {
    await withTempLibrary(async (library) => {
      const [edited, trashed, purged, kept] = await notes(library.notebook, 4, 'Mopti market day.');
      await reopenLoaded(library);
      const saved = path.join(library.dir, 'index-as-saved');
      await fs.cp(path.join(library.dir, 'index'), saved, { recursive: true });

      const notebook = library.notebook;
      await call(notebook, 'updateNote', { id: edited as string, body: 'Djenné mosque replastering.' });
      await call(notebook, 'trashItem', { id: purged as string });
      await call(notebook, 'emptyTrash', {});
      await call(notebook, 'trashItem', { id: trashed as string });
      const added = await call(notebook, 'createNote', { title: 'Bamako', body: 'Mopti to Bamako by bus.' });
      // What a kill right now would leave: the index as saved before these changes.
      await notebook.close();
      await fs.rm(path.join(library.dir, 'index'), { recursive: true });
      await fs.rename(saved, path.join(library.dir, 'index'));

      const reopened = await library.reopen();
      const events = indexProgress(reopened);
      expect(await find(reopened, 'mopti')).toEqual([kept, added.id].sort());
      expect(await find(reopened, 'djenne')).toEqual([edited]);
      expect(await find(reopened, 'market')).toEqual([kept]);
      await call(reopened, 'restoreItem', { id: trashed as string });
      expect(await find(reopened, 'market')).toEqual([trashed, kept].sort());
      expect(events).toEqual([]);
    });
  });

  it('rebuilds a damaged index in the background, searchable meanwhile, and says so', async () => {
    await withTempLibrary(async (library) => {
      const made = await notes(library.notebook, 40, 'Niger river pirogues at dawn.');
      await reopenLoaded(library);
      await damage(path.join(library.dir, 'index'));

      const notebook = await library.reopen();
      const events = indexProgress(notebook);
      const during = await call(notebook, 'search', { query: 'pirogues' });
      expect(during.index).toMatchObject({ state: 'building', total: 40 });
      expect(during.total).toBeLessThanOrEqual(40);
      // Everything else works meanwhile.
      expect((await call(notebook, 'listItems', {})).total).toBe(40);
      await call(notebook, 'getItem', { id: made[0] as string });
      const check = await call(notebook, 'checkLibrary', {});
      expect(check.problems).toContainEqual(
        expect.objectContaining({ code: 'index_damaged', path: 'index' }),
      );

      await notebook.whenSearchReady();
      const after = await call(notebook, 'search', { query: 'pirogues', limit: 100 });
      expect(after.index).toEqual({ state: 'ready', done: 40, total: 40 });
      expect(ids(after)).toEqual([...made].sort());
      expect(events[0]).toMatchObject({ type: 'progress', job: 'index', done: 0, total: 40 });
      expect(events.at(-1)).toMatchObject({ done: 40, total: 40 });
      expect(typeof (events[0] as { message: string }).message).toBe('string');

      const next = await library.reopen();
      const quiet = indexProgress(next);
      expect(ids(await call(next, 'search', { query: 'pirogues', limit: 100 }))).toEqual([...made].sort());
      expect((await call(next, 'checkLibrary', {})).problems).toEqual([]);
      expect(quiet).toEqual([]);
    });
  });

  it('closing part-way through a rebuild keeps what was done; the next open finishes it', async () => {
    await withTempLibrary(async (library) => {
      const made = await notes(library.notebook, 60, 'Sahel rains arrived late.');
      await reopenLoaded(library);
      await fs.rm(path.join(library.dir, 'index'), { recursive: true });
      await library.reopen(); // starts a rebuild, and is closed at once by the next reopen
      const notebook = await library.reopen();
      await notebook.whenSearchReady();
      expect(ids(await call(notebook, 'search', { query: 'rains', limit: 100 }))).toEqual([...made].sort());
    });
  });
});
