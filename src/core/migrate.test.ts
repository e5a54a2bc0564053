import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejection } from '../../tests/helpers/errors';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { createNotebook } from './notebook';
import { asNote } from '../../tests/helpers/items';

const fixture = path.resolve(import.meta.dirname, '../../tests/fixtures/libraries/v1/library.json');

async function copyFixture(): Promise<string> {
  const dir = await makeTempDir();
  await fs.copyFile(fixture, path.join(dir, 'library.json'));
  return dir;
}

/** Every file under `dir` with its content, to show nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const name of await fs.readdir(dir, { recursive: true })) {
    const file = path.join(dir, name);
    if ((await fs.stat(file)).isFile()) files[name] = await fs.readFile(file, 'utf8');
  }
  return files;
}

describe('migration from schema version 1', () => {
  it('brings every note forward, with its text, tags, dates and trash state', async () => {
    const dir = await copyFixture();
    const notebook = await createNotebook({ dir });
    try {
      expect(await notebook.getLibraryInfo({})).toMatchObject({
        schemaVersion: 2,
        rev: 4,
        counts: { items: 3, trash: 1 },
        recoveries: [],
      });
      const interview = await notebook.getItem({ id: 'v1note0001' });
      expect(interview).toMatchObject({
        title: 'Entretien avec Aminata Keïta',
        tags: ['sahel/mali', 'entretiens'],
        created: '2021-04-02T08:15:00.000Z',
        updated: '2021-04-03T17:40:00.000Z',
        deleted: null,
      });
      expect(asNote(interview).body).toContain('**Aminata Keïta** parle de la sécurité');
      expect(interview.excerpt).toBe(
        'Entretien À Bamako, Aminata Keïta parle de la sécurité alimentaire et des Marchés du Sahel. récolte prix du mil',
      );
      expect((await notebook.getItem({ id: 'v1note0004' })).tags).toEqual(['à-trier', 'sahel/mali']);

      const live = await notebook.listItems({ view: 'all', offset: 0, limit: 10 });
      expect(live.items.map((item) => item.id)).toEqual(['v1note0004', 'v1note0001', 'v1note0002']);
      const trash = await notebook.listItems({ view: 'trash', offset: 0, limit: 10 });
      expect(trash.items).toEqual([
        expect.objectContaining({ id: 'v1note0003', deleted: '2021-01-05T12:00:00.000Z' }),
      ]);
      expect((await notebook.listItems({ view: 'all', tag: 'sahel', offset: 0, limit: 10 })).total).toBe(3);
      expect((await notebook.listTags({})).tags.map((t) => [t.name, t.count])).toEqual([
        ['à-trier', 1],
        ['entretiens', 1],
        ['sahel/mali', 2],
        ['sahel/niger', 1],
        ['Sécurité', 1],
      ]);
      expect(await notebook.checkLibrary({})).toMatchObject({ ok: true, checked: { items: 4 } });
    } finally {
      await notebook.close();
    }
    expect(await fs.readFile(path.join(dir, 'library.v1.json'), 'utf8')).toBe(
      await fs.readFile(fixture, 'utf8'),
    );
    expect(JSON.parse(await fs.readFile(path.join(dir, 'library.json'), 'utf8'))).toMatchObject({
      format: 'commonplace-library',
      schemaVersion: 2,
    });
  });

  it('runs again from the start after an interrupted migration', async () => {
    const dir = await copyFixture();
    // What a crash before the last step leaves: a partial new layout next to the version 1 file.
    await fs.mkdir(path.join(dir, 'store'), { recursive: true });
    await fs.writeFile(path.join(dir, 'store', 'items-00.json'), '{"items": {"stale": ');
    await fs.mkdir(path.join(dir, 'bodies', '00'), { recursive: true });
    await fs.writeFile(path.join(dir, 'bodies', '00', 'stale.1.md'), 'half');
    const notebook = await createNotebook({ dir });
    try {
      expect((await notebook.getLibraryInfo({})).counts).toEqual({ items: 3, notes: 3, clips: 0, trash: 1 });
      expect(await notebook.checkLibrary({})).toMatchObject({ ok: true, problems: [] });
    } finally {
      await notebook.close();
    }
  });

  it('refuses a library made by a newer Commonplace and changes nothing', async () => {
    const dir = await makeTempDir();
    const newer = {
      format: 'commonplace-library',
      schemaVersion: 99,
      createdAt: '2030-01-01T00:00:00.000Z',
      shards: 1024,
      settings: {},
    };
    await fs.writeFile(path.join(dir, 'library.json'), JSON.stringify(newer));
    await fs.mkdir(path.join(dir, 'store'));
    await fs.writeFile(path.join(dir, 'store', 'anything.json'), '{}');
    const before = await snapshot(dir);
    const refused = await rejection(createNotebook({ dir }));
    expect(refused.code).toBe('corrupt');
    expect(refused.message).toMatch(/made by a newer Commonplace \(schema version 99/);
    expect(await snapshot(dir)).toEqual(before);
  });
});
