import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { withTempLibrary } from '../../../tests/helpers/temp-library';

function counter(prefix: string): () => string {
  let next = 0;
  return () => `${prefix}${next++}`;
}

describe('saved searches', () => {
  it('are listed in the order saved, renamed by saving under the same name, deleted, and kept in library.json', async () => {
    await withTempLibrary(
      async (library) => {
        const { notebook } = library;
        expect(await call(notebook, 'listSavedSearches', {})).toEqual({ searches: [] });

        const sahel = await call(notebook, 'saveSearch', {
          name: ' Sahel clips ',
          query: 'tag:sahel type:clip',
        });
        expect(sahel).toEqual({ id: 's0', name: 'Sahel clips', query: 'tag:sahel type:clip' });
        const recent = await call(notebook, 'saveSearch', { name: 'Recent', query: 'after:2024-11' });
        // The same name (any case) replaces the query and keeps the id.
        const again = await call(notebook, 'saveSearch', { name: 'sahel clips', query: 'tag:sahel' });
        expect(again).toEqual({ id: 's0', name: 'sahel clips', query: 'tag:sahel' });
        expect((await call(notebook, 'listSavedSearches', {})).searches).toEqual([again, recent]);

        expect(await call(notebook, 'deleteSavedSearch', { id: recent.id })).toEqual({ deleted: true });
        expect(await call(notebook, 'deleteSavedSearch', { id: recent.id })).toEqual({ deleted: false });

        const file = JSON.parse(await fs.readFile(path.join(library.dir, 'library.json'), 'utf8')) as {
          settings: { savedSearches: unknown };
        };
        expect(file.settings.savedSearches).toEqual([again]);

        const reopened = await library.reopen();
        expect((await call(reopened, 'listSavedSearches', {})).searches).toEqual([again]);
      },
      { newId: counter('s') },
    );
  });

  it('survive emptying the trash (which writes library.json too) and refuse empty names', async () => {
    await withTempLibrary(async (library) => {
      const { notebook } = library;
      const note = await call(notebook, 'createNote', { title: 'Gone soon' });
      await call(notebook, 'trashItem', { id: note.id });
      const [saved] = await Promise.all([
        call(notebook, 'saveSearch', { name: 'Mali', query: 'tag:mali' }),
        call(notebook, 'emptyTrash', {}),
      ]);
      expect((await call(notebook, 'listSavedSearches', {})).searches).toEqual([saved]);
      const reopened = await library.reopen();
      expect((await call(reopened, 'listSavedSearches', {})).searches).toEqual([saved]);
      expect((await call(reopened, 'getLibraryInfo', {})).rev).toBeGreaterThanOrEqual(3);

      const refused = rejection(
        Promise.resolve().then(() => call(reopened, 'saveSearch', { name: ' ', query: 'x' })),
      );
      expect((await refused).code).toBe('invalid_argument');
    });
  });

  it('skips malformed entries a hand edit left in library.json', async () => {
    await withTempLibrary(async (library) => {
      await library.notebook.close();
      const file = path.join(library.dir, 'library.json');
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { settings: Record<string, unknown> };
      data.settings.savedSearches = [{ id: 'a', name: 'Good', query: 'q' }, { id: 3 }, 'nonsense'];
      await fs.writeFile(file, JSON.stringify(data));
      const reopened = await library.reopen();
      expect((await call(reopened, 'listSavedSearches', {})).searches).toEqual([
        { id: 'a', name: 'Good', query: 'q' },
      ]);
    });
  });
});
