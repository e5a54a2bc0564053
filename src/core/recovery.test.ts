import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../tests/helpers/errors';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { shardOf } from './ids';
import { DEFAULT_SHARDS } from './library-file';
import { createNotebook } from './notebook';
import { shardFileName } from './paths';
import { asNote } from '../../tests/helpers/items';

const GARBAGE = '{"items": {"truncated-by-a-cra';

/** Ids that all land in one shard, handed out in order. */
function idsInOneShard(count: number): { ids: string[]; shardFile: string; newId: () => string } {
  const ids: string[] = [];
  const shard = shardOf('note0', DEFAULT_SHARDS);
  for (let i = 0; ids.length < count; i++)
    if (shardOf(`note${i}`, DEFAULT_SHARDS) === shard) ids.push(`note${i}`);
  const queue = [...ids];
  return {
    ids,
    shardFile: path.join('store', shardFileName(shard)),
    newId: () => queue.shift() ?? 'unexpected',
  };
}

async function damagedFiles(dir: string): Promise<string[]> {
  return fs.readdir(path.join(dir, 'damaged')).catch(() => []);
}

describe('a damaged shard', () => {
  it('is kept aside untouched and the library opens from its .bak, saying so', async () => {
    const dir = await makeTempDir();
    const { ids, shardFile, newId } = idsInOneShard(2);
    let notebook = await createNotebook({ dir, newId });
    await notebook.createNote({ title: 'First', body: 'first body', tags: [] });
    await notebook.createNote({ title: 'Second', body: 'second body', tags: [] });
    await notebook.close();
    await fs.writeFile(path.join(dir, shardFile), GARBAGE);

    notebook = await createNotebook({ dir });
    const info = await notebook.getLibraryInfo({});
    expect(info.recoveries).toHaveLength(1);
    const [recovery] = info.recoveries;
    expect(recovery).toMatchObject({ file: shardFile, restoredFrom: `${shardFile}.bak` });
    expect(recovery!.keptAs).toMatch(/^damaged\/items-[0-9a-f]{2}\.json\./);
    expect(await fs.readFile(path.join(dir, recovery!.keptAs), 'utf8')).toBe(GARBAGE);

    // The .bak is the shard before its last save: the first note is back, the second was in the damaged save.
    expect(asNote(await notebook.getItem({ id: ids[0]! })).body).toBe('first body');
    await expect(notebook.getItem({ id: ids[1]! })).rejects.toMatchObject({ code: 'not_found' });
    const report = await notebook.checkLibrary({});
    expect(report.problems.map((p) => p.code).sort()).toEqual(['damaged_file', 'orphan_body']);

    // Later saves and opens never write over the damaged file.
    await notebook.createNote({ title: 'Third', body: '', tags: [] });
    await notebook.close();
    notebook = await createNotebook({ dir });
    expect((await notebook.getLibraryInfo({})).recoveries).toEqual([]);
    expect(await damagedFiles(dir)).toEqual([path.basename(recovery!.keptAs)]);
    expect(await fs.readFile(path.join(dir, recovery!.keptAs), 'utf8')).toBe(GARBAGE);
    await notebook.close();
  });

  it('keeps the newest text of a note whose last edit was in the damaged save', async () => {
    const dir = await makeTempDir();
    const { ids, shardFile, newId } = idsInOneShard(1);
    let notebook = await createNotebook({ dir, newId });
    await notebook.createNote({ title: 'Draft', body: 'version one', tags: [] });
    await notebook.updateNote({ id: ids[0]!, body: 'version two' });
    await notebook.close();
    await fs.writeFile(path.join(dir, shardFile), GARBAGE);

    notebook = await createNotebook({ dir });
    const item = await notebook.getItem({ id: ids[0]! });
    expect(item).toMatchObject({ title: 'Draft', body: 'version two', excerpt: 'version two' });
    // The body file of revision 2 is in use: the next save must not reuse that revision.
    const edited = await notebook.updateNote({ id: ids[0]!, body: 'version three' });
    expect(edited.rev).toBeGreaterThan(2);
    await notebook.close();
    notebook = await createNotebook({ dir });
    expect(asNote(await notebook.getItem({ id: ids[0]! })).body).toBe('version three');
    expect((await notebook.checkLibrary({})).problems.map((p) => p.code)).toEqual(['damaged_file']);
    await notebook.close();
  });

  it('opens empty when there is no .bak, and says so', async () => {
    const dir = await makeTempDir();
    const { ids, shardFile, newId } = idsInOneShard(1);
    let notebook = await createNotebook({ dir, newId });
    await notebook.createNote({ title: 'Only', body: 'text', tags: [] });
    await notebook.close();
    await fs.writeFile(path.join(dir, shardFile), GARBAGE);

    notebook = await createNotebook({ dir });
    const [recovery] = (await notebook.getLibraryInfo({})).recoveries;
    expect(recovery).toMatchObject({ file: shardFile, restoredFrom: null });
    await expect(notebook.getItem({ id: ids[0]! })).rejects.toMatchObject({ code: 'not_found' });
    expect(await fs.readFile(path.join(dir, recovery!.keptAs), 'utf8')).toBe(GARBAGE);
    await notebook.close();
  });
});

describe('a damaged library.json', () => {
  it('is kept aside and the library opens from library.json.bak', async () => {
    const dir = await makeTempDir();
    let notebook = await createNotebook({ dir });
    const kept = await notebook.createNote({ title: 'Kept', body: 'kept body', tags: [] });
    const gone = await notebook.createNote({ title: 'Gone', body: '', tags: [] });
    await notebook.trashItem({ id: gone.id });
    await notebook.emptyTrash({}); // rewrites library.json, so it has a .bak
    await notebook.close();
    await fs.writeFile(path.join(dir, 'library.json'), 'not json at all');

    notebook = await createNotebook({ dir });
    const [recovery] = (await notebook.getLibraryInfo({})).recoveries;
    expect(recovery).toMatchObject({ file: 'library.json', restoredFrom: 'library.json.bak' });
    expect(await fs.readFile(path.join(dir, recovery!.keptAs), 'utf8')).toBe('not json at all');
    expect(asNote(await notebook.getItem({ id: kept.id })).body).toBe('kept body');
    expect((await notebook.checkLibrary({})).problems.map((p) => p.code)).toEqual(['damaged_file']);
    await notebook.close();
  });

  it('without a .bak is rebuilt around the shards that are still there', async () => {
    const dir = await makeTempDir();
    let notebook = await createNotebook({ dir });
    const notes = await Promise.all(
      ['a', 'b', 'c'].map((title) => notebook.createNote({ title, body: title, tags: [] })),
    );
    await notebook.close();
    await fs.writeFile(
      path.join(dir, 'library.json'),
      '{"format": "commonplace-library", "schemaVersion": 2',
    );

    notebook = await createNotebook({ dir });
    const [recovery] = (await notebook.getLibraryInfo({})).recoveries;
    expect(recovery).toMatchObject({ file: 'library.json', restoredFrom: null });
    for (const note of notes) expect(asNote(await notebook.getItem({ id: note.id })).body).toBe(note.title);
    const library = JSON.parse(await fs.readFile(path.join(dir, 'library.json'), 'utf8')) as {
      shards: number;
    };
    expect(library.shards).toBe(DEFAULT_SHARDS);
    await notebook.close();
  });
});

describe('a library.json with another shard count', () => {
  it('moves every item to the shard its id belongs to', async () => {
    const dir = await makeTempDir();
    let notebook = await createNotebook({ dir });
    const notes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => notebook.createNote({ title: `n${i}`, body: `b${i}`, tags: [] })),
    );
    await notebook.close();
    const file = path.join(dir, 'library.json');
    const library = JSON.parse(await fs.readFile(file, 'utf8')) as { shards: number };
    await fs.writeFile(file, JSON.stringify({ ...library, shards: DEFAULT_SHARDS * 2 }));

    notebook = await createNotebook({ dir });
    for (const note of notes) await notebook.updateNote({ id: note.id, body: `${asNote(note).body} edited` });
    await notebook.close();
    notebook = await createNotebook({ dir });
    for (const note of notes)
      expect(asNote(await notebook.getItem({ id: note.id })).body).toBe(`${asNote(note).body} edited`);
    // Each item exactly once on disk: a copy left in its old shard would be counted twice.
    expect(await notebook.checkLibrary({})).toMatchObject({ ok: true, checked: { items: notes.length } });
    await notebook.close();
  });
});

describe('a missing body file', () => {
  it('makes that note a corrupt error naming the file, and nothing else', async () => {
    const dir = await makeTempDir();
    const notebook = await createNotebook({ dir });
    try {
      const lost = await notebook.createNote({ title: 'Lost', body: 'gone', tags: [] });
      const fine = await notebook.createNote({ title: 'Fine', body: 'here', tags: [] });
      const bodies = path.join(dir, 'bodies');
      for (const bucket of await fs.readdir(bodies)) {
        for (const name of await fs.readdir(path.join(bodies, bucket))) {
          if (name.startsWith(`${lost.id}.`)) await fs.rm(path.join(bodies, bucket, name));
        }
      }
      const error = await rejection(notebook.getItem({ id: lost.id }));
      expect(error.code).toBe('corrupt');
      expect(error.message).toMatch(new RegExp(`bodies.+${lost.id}\\.1\\.md`));
      expect(asNote(await notebook.getItem({ id: fine.id })).body).toBe('here');
      expect((await notebook.listItems({ view: 'all', offset: 0, limit: 10 })).total).toBe(2);
      const report = await notebook.checkLibrary({});
      expect(report.ok).toBe(false);
      expect(report.problems.map((problem) => problem.code)).toEqual(['missing_body']);
      expect(report.problems[0]?.path).toContain(lost.id);
    } finally {
      await notebook.close();
    }
  });
});
