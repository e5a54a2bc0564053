import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Notebook } from '../notebook';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { asNote } from '../../../tests/helpers/items';
import { steppingClock, withTempLibrary } from '../../../tests/helpers/temp-library';

const options = { clock: steppingClock() };

async function note(notebook: Notebook, title: string, body = ''): Promise<string> {
  return (await call(notebook, 'createNote', { title, body })).id;
}

async function bodyOf(notebook: Notebook, id: string): Promise<string> {
  return asNote(await call(notebook, 'getItem', { id })).body;
}

async function clipTitled(notebook: Notebook, title: string): Promise<string> {
  const html = `<html><head><title>${title}</title></head><body><article><h1>${title}</h1>${'<p>The granary stands on the square of the old town, built of mud brick and palm wood.</p>'.repeat(6)}</article></body></html>`;
  const { clip } = await call(notebook, 'clip', { html });
  return clip.id;
}

describe('links on save', () => {
  it('records the links of a note and its aliases', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const id = await note(notebook, 'Mali', 'See [[Niger]] and `[[code]]`.');
      const updated = await call(notebook, 'updateNote', {
        id,
        aliases: ['  Republic of Mali ', 'republic of MALI', 'Mali, Republic'],
      });
      expect(updated.aliases).toEqual(['Republic of Mali', 'Mali, Republic']);
      const refused = await rejection(call(notebook, 'updateNote', { id, aliases: ['Mali#1'] }));
      expect(refused.code).toBe('invalid_argument');
      expect(refused.message).toMatch(/cannot contain "#"/);
    });
  });
});

describe('resolution', () => {
  it('resolves by title or alias, ignoring case and accents; the trash does not resolve', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const bamako = await note(notebook, 'Bamako');
      const securite = await note(notebook, 'Sécurité à Niamey');
      await call(notebook, 'updateNote', { id: bamako, aliases: ['Capital of Mali'] });
      const source = await note(
        notebook,
        'Trip',
        '[[bamako]] then [[SECURITE A NIAMEY#Roads]]\n[[capital of mali|there]] and [[Nowhere]]',
      );
      const report = await call(notebook, 'getLinks', { id: source });
      expect(report.outgoing.map((l) => [l.target, l.resolved?.id ?? null, l.line])).toEqual([
        ['bamako', bamako, 1],
        ['SECURITE A NIAMEY', securite, 1],
        ['capital of mali', bamako, 2],
        ['Nowhere', null, 2],
      ]);
      expect(report.outgoing[1]).toMatchObject({ heading: 'Roads' });
      expect(report.unresolved.map((l) => l.target)).toEqual(['Nowhere']);

      await call(notebook, 'trashItem', { id: bamako });
      const trashed = await call(notebook, 'getLinks', { id: source });
      expect(trashed.unresolved.map((l) => l.target)).toEqual(['bamako', 'capital of mali', 'Nowhere']);
      // Trashing rewrites nothing.
      expect(await bodyOf(notebook, source)).toContain('[[bamako]]');

      await call(notebook, 'restoreItem', { id: bamako });
      expect((await call(notebook, 'getLinks', { id: source })).unresolved).toHaveLength(1);
    }, options);
  });

  it('prefers a note over a clip, then the oldest', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const clip = await clipTitled(notebook, 'Granary');
        const older = await note(notebook, 'Granary');
        const newer = await note(notebook, 'granary');
        const source = await note(notebook, 'S', '[[Granary]]');
        const target = async (): Promise<string | null> =>
          (await call(notebook, 'getLinks', { id: source })).outgoing[0]?.resolved?.id ?? null;
        expect(await target()).toBe(older);
        await call(notebook, 'trashItem', { id: older });
        expect(await target()).toBe(newer);
        await call(notebook, 'trashItem', { id: newer });
        expect(await target()).toBe(clip);
      },
      { ...options, clipper: { inWorker: false } },
    );
  });
});

describe('titles a link cannot hold as they are', () => {
  it('resolves a clip whose title holds # [ ] | ^ by the title with those as spaces, highlight refs too', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const clip = await clipTitled(notebook, 'Granary report #3 [updated]');
        const source = await note(
          notebook,
          'S',
          'See [[Granary report 3 updated]] and [[granary report 3 updated#^a1b2c3|the quote]].',
        );
        const report = await call(notebook, 'getLinks', { id: source });
        expect(report.outgoing.map((l) => [l.target, l.resolved?.id ?? null, l.block])).toEqual([
          ['Granary report 3 updated', clip, null],
          ['granary report 3 updated', clip, 'a1b2c3'],
        ]);
        expect((await call(notebook, 'getLinks', { id: clip })).backlinks.map((b) => b.source.id)).toEqual([
          source,
          source,
        ]);
      },
      { ...options, clipper: { inWorker: false } },
    );
  });
});

describe('getLinks', () => {
  it('lists backlinks with their lines, and unlinked mentions', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const mali = await note(notebook, 'Mali', 'Mali links to itself: [[Mali]]. Mali again.');
      const a = await note(notebook, 'A', 'First line\nWe crossed [[mali#Borders|the border]] at dawn.');
      const b = await note(notebook, 'B', 'Nothing here about it.\n\nThe MALI archives and [[Mali]].');
      const c = await note(notebook, 'C', `${'x '.repeat(200)}mali${' y'.repeat(200)}\n\`Mali\` in code`);
      await note(notebook, 'D', 'Malian food, not the country.');

      const report = await call(notebook, 'getLinks', { id: mali });
      const backlinks = report.backlinks.map((l) => [
        l.source.id,
        l.line,
        l.context,
        l.link?.heading ?? null,
      ]);
      expect(backlinks).toEqual(
        expect.arrayContaining([
          [a, 2, 'We crossed [[mali#Borders|the border]] at dawn.', 'Borders'],
          [b, 3, 'The MALI archives and [[Mali]].', null],
          [mali, 1, 'Mali links to itself: [[Mali]]. Mali again.', null],
        ]),
      );
      expect(report.backlinks).toHaveLength(3);

      const mentions = report.unlinkedMentions.map((m) => [m.source.id, m.line]);
      expect(mentions).toEqual(
        expect.arrayContaining([
          [b, 3],
          [c, 1],
        ]),
      );
      expect(mentions).toHaveLength(2);
      const long = report.unlinkedMentions.find((m) => m.source.id === c)?.context ?? '';
      expect(long.length).toBeLessThanOrEqual(202);
      expect(long).toMatch(/^….*mali.*…$/);
    }, options);
  });

  it('stays right after edits, renames, deletes, restores and a reopen', async () => {
    await withTempLibrary(async (library) => {
      const target = await note(library.notebook, 'Gao');
      const source = await note(library.notebook, 'S', 'Nothing yet');
      const backlinks = async (): Promise<string[]> =>
        (await call(library.notebook, 'getLinks', { id: target })).backlinks.map((l) => l.source.id);
      expect(await backlinks()).toEqual([]);
      await call(library.notebook, 'updateNote', { id: source, body: 'Went to [[Gao]]' });
      expect(await backlinks()).toEqual([source]);
      await call(library.notebook, 'trashItem', { id: source });
      expect(await backlinks()).toEqual([]);
      await call(library.notebook, 'restoreItem', { id: source });
      expect(await backlinks()).toEqual([source]);
      await call(library.notebook, 'updateNote', { id: target, title: 'Gao city' });
      expect(await backlinks()).toEqual([]);
      await call(library.notebook, 'updateNote', { id: target, aliases: ['gao'] });
      expect(await backlinks()).toEqual([source]);
      await library.reopen();
      expect(await backlinks()).toEqual([source]);
      await call(library.notebook, 'trashItem', { id: source });
      await call(library.notebook, 'emptyTrash', {});
      expect(await backlinks()).toEqual([]);
    }, options);
  });

  it('reads the links of notes saved before links were recorded', async () => {
    await withTempLibrary(async (library) => {
      const target = await note(library.notebook, 'Kidal');
      const source = await note(library.notebook, 'Old', 'About [[Kidal]].');
      await library.notebook.close();
      await stripRecordedLinks(library.dir);
      await library.reopen();
      const report = await call(library.notebook, 'getLinks', { id: target });
      expect(report.backlinks.map((l) => l.source.id)).toEqual([source]);
      expect((await call(library.notebook, 'checkLibrary', {})).ok).toBe(true);
    }, options);
  });
});

describe('renameItem', () => {
  it('rewrites links keeping headings, highlights and shown text, in one change', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const target = await note(notebook, 'Djenné');
      await call(notebook, 'updateNote', { id: target, aliases: ['The mosque town'] });
      const a = await note(
        notebook,
        'A',
        '[[djenne]], [[Djenné#Market]] and [[DJENNÉ|the town]]\n`[[Djenné]]`',
      );
      const b = await note(notebook, 'B', '[[The mosque town]] and [[Djenné#^abc123]]');
      const c = await note(notebook, 'C', '[[Mopti]] only');
      const events: number[] = [];
      notebook.onEvent((event) => {
        if (event.type === 'items-changed') events.push(event.rev);
      });

      const dry = await call(notebook, 'renameItem', { id: target, title: 'Djenne-Djeno', dryRun: true });
      expect(dry).toMatchObject({
        notesChanged: 2,
        linksChanged: 4,
        dryRun: true,
        item: { title: 'Djenné' },
      });
      expect(await bodyOf(notebook, a)).toContain('[[djenne]]');
      expect(events).toEqual([]);

      const done = await call(notebook, 'renameItem', { id: target, title: '  Djenne-Djeno ' });
      expect(done).toMatchObject({
        notesChanged: 2,
        linksChanged: 4,
        dryRun: false,
        item: { title: 'Djenne-Djeno' },
      });
      expect(events).toHaveLength(1);
      expect(await bodyOf(notebook, a)).toBe(
        '[[Djenne-Djeno]], [[Djenne-Djeno#Market]] and [[Djenne-Djeno|the town]]\n`[[Djenné]]`',
      );
      expect(await bodyOf(notebook, b)).toBe('[[The mosque town]] and [[Djenne-Djeno#^abc123]]');
      expect(await bodyOf(notebook, c)).toBe('[[Mopti]] only');
      const backlinks = (await call(notebook, 'getLinks', { id: target })).backlinks;
      expect(backlinks.map((l) => l.source.id).sort()).toEqual([a, a, a, b, b].sort());
      expect((await call(notebook, 'checkLibrary', {})).ok).toBe(true);
    }, options);
  });

  it('renames a clip and leaves links to a same-titled note alone', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const clip = await clipTitled(notebook, 'Granary');
        const source = await note(notebook, 'S', '[[Granary#^abc123]]');
        const result = await call(notebook, 'renameItem', { id: clip, title: 'Granaries of Djenné' });
        expect(result).toMatchObject({
          notesChanged: 1,
          linksChanged: 1,
          item: { type: 'clip', title: 'Granaries of Djenné' },
        });
        expect(await bodyOf(notebook, source)).toBe('[[Granaries of Djenné#^abc123]]');
        expect((await call(notebook, 'getItem', { id: clip })).title).toBe('Granaries of Djenné');

        const other = await clipTitled(notebook, 'Silo');
        await note(notebook, 'Silo');
        const linking = await note(notebook, 'T', '[[Silo]]');
        const none = await call(notebook, 'renameItem', { id: other, title: 'Silos' });
        expect(none).toMatchObject({ notesChanged: 0, linksChanged: 0 });
        expect(await bodyOf(notebook, linking)).toBe('[[Silo]]');
      },
      { ...options, clipper: { inWorker: false } },
    );
  });

  it('refuses titles a link cannot name, and items in the trash', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const id = await note(notebook, 'Plain');
      for (const title of ['A [b]', 'A|b', 'Part #2', 'x^y']) {
        const error = await rejection(call(notebook, 'renameItem', { id, title }));
        expect(error.code).toBe('invalid_argument');
        expect(error.message).toMatch(/cannot contain/);
      }
      await call(notebook, 'trashItem', { id });
      expect((await rejection(call(notebook, 'renameItem', { id, title: 'New' }))).code).toBe('conflict');
    }, options);
  });

  it('handles circular links and self-links', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'A', 'to [[B]] and me [[A]]');
      const b = await note(notebook, 'B', 'back to [[A]]');
      const result = await call(notebook, 'renameItem', { id: a, title: 'Alpha' });
      expect(result).toMatchObject({ notesChanged: 2, linksChanged: 2 });
      expect(await call(notebook, 'getItem', { id: a })).toMatchObject({
        title: 'Alpha',
        body: 'to [[B]] and me [[Alpha]]',
      });
      expect(await bodyOf(notebook, b)).toBe('back to [[Alpha]]');
    }, options);
  });
});

describe('completeLinks', () => {
  it('matches titles and aliases fuzzily, best first; empty query gives recent items', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const timbuktu = await note(notebook, 'Timbuktu manuscripts');
      const tim = await note(notebook, 'Tim');
      const securite = await note(notebook, 'Sécurité à Niamey');
      const trashed = await note(notebook, 'Timeline');
      await call(notebook, 'trashItem', { id: trashed });
      await call(notebook, 'updateNote', { id: timbuktu, aliases: ['Tombouctou'] });

      const ids = async (query: string): Promise<string[]> =>
        (await call(notebook, 'completeLinks', { query })).candidates.map((c) => c.id);
      expect(await ids('tim')).toEqual([tim, timbuktu]);
      expect(await ids('tmbk')).toEqual([timbuktu]);
      expect(await ids('SECU nia')).toEqual([securite]);
      const alias = (await call(notebook, 'completeLinks', { query: 'tombou' })).candidates;
      expect(alias).toMatchObject([{ id: timbuktu, alias: 'Tombouctou' }]);
      expect(await ids('')).toEqual([timbuktu, securite, tim]);
      expect(await ids('zzz')).toEqual([]);
    }, options);
  });
});

describe('linkMention', () => {
  it('links the first mention, or the one on a line, keeping how it was written', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const target = await note(notebook, 'Niger River');
      const source = await note(
        notebook,
        'S',
        'The niger river floods.\n`Niger River` in code\nAnd the Niger River again.',
      );
      const linked = await call(notebook, 'linkMention', { noteId: source, targetId: target, line: 3 });
      expect(asNote(linked).body).toBe(
        'The niger river floods.\n`Niger River` in code\nAnd the [[Niger River]] again.',
      );
      const first = await call(notebook, 'linkMention', { noteId: source, targetId: target });
      expect(asNote(first).body.split('\n')[0]).toBe('The [[Niger River|niger river]] floods.');
      expect((await call(notebook, 'getLinks', { id: target })).unlinkedMentions).toEqual([]);
      const none = await rejection(call(notebook, 'linkMention', { noteId: source, targetId: target }));
      expect(none.code).toBe('not_found');
    }, options);
  });
});

describe('checkLibrary', () => {
  it('reports a note whose recorded links do not match its text', async () => {
    await withTempLibrary(async (library) => {
      const id = await note(library.notebook, 'S', 'About [[Gao]].');
      expect((await call(library.notebook, 'checkLibrary', {})).ok).toBe(true);
      await library.notebook.close();
      await editRecords(library.dir, (record) =>
        record.id === id ? { ...record, links: ['Kidal'] } : record,
      );
      await library.reopen();
      const report = await call(library.notebook, 'checkLibrary', {});
      expect(report.ok).toBe(false);
      expect(report.problems.map((p) => p.code)).toEqual(['links_stale']);
      expect(report.problems[0]?.message).toContain(id);
    }, options);
  });
});

type RawRecord = Record<string, unknown> & { id: string };

async function editRecords(dir: string, edit: (record: RawRecord) => RawRecord): Promise<void> {
  const storeDir = path.join(dir, 'store');
  for (const name of await fs.readdir(storeDir)) {
    if (!/^items-.*\.json$/.test(name)) continue;
    const file = path.join(storeDir, name);
    const data = JSON.parse(await fs.readFile(file, 'utf8')) as { items: Record<string, RawRecord> };
    for (const [key, record] of Object.entries(data.items)) data.items[key] = edit(record);
    await fs.writeFile(file, JSON.stringify(data));
  }
}

function stripRecordedLinks(dir: string): Promise<void> {
  return editRecords(dir, (record) => {
    const { links: _links, ...rest } = record;
    return rest;
  });
}
