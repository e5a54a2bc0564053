import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withTempLibrary } from '../../tests/helpers/temp-library';

describe('checkLibrary', () => {
  it('is ok on a healthy library and counts what it read', async () => {
    await withTempLibrary(async ({ notebook }) => {
      await notebook.createNote({ title: 'a', body: 'x', tags: [] });
      await notebook.createNote({ title: 'b', body: 'y', tags: [] });
      const report = await notebook.checkLibrary({});
      expect(report).toMatchObject({ ok: true, problems: [], checked: { items: 2 } });
      expect(report.checked.files).toBeGreaterThanOrEqual(4); // library.json, a shard or two, two bodies
    });
  });

  it('reports orphan bodies, leftover temp files, damaged files, stray and unreadable shards', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      const note = await notebook.createNote({ title: 'a', body: 'x', tags: [] });
      const [bucket] = await fs.readdir(path.join(dir, 'bodies'));
      await fs.writeFile(path.join(dir, 'bodies', bucket!, 'zzzzzzzzzzzz.7.md'), 'orphan');
      await fs.writeFile(path.join(dir, 'store', 'items-00.json.tmp'), '{');
      await fs.writeFile(path.join(dir, 'store', 'items-fff.json'), '{"items": {}}');
      await fs.mkdir(path.join(dir, 'damaged'));
      await fs.writeFile(path.join(dir, 'damaged', 'items-01.json.2024-01-01T00-00-00-000Z'), 'bad');
      const [shard] = (await fs.readdir(path.join(dir, 'store'))).filter((name) =>
        /^items-..\.json$/.test(name),
      );
      const shardText = await fs.readFile(path.join(dir, 'store', shard!), 'utf8');
      await fs.writeFile(path.join(dir, 'store', shard!), shardText.slice(0, 10));

      const report = await notebook.checkLibrary({});
      expect(report.ok).toBe(false);
      const found = report.problems.map((p) => [p.code, p.path]);
      expect(found).toEqual(
        expect.arrayContaining([
          ['orphan_body', `bodies/${bucket}/zzzzzzzzzzzz.7.md`],
          ['leftover_tmp', 'store/items-00.json.tmp'],
          ['stray_store_file', 'store/items-fff.json'],
          ['damaged_file', 'damaged/items-01.json.2024-01-01T00-00-00-000Z'],
          ['damaged_store_file', `store/${shard}`],
        ]),
      );
      // With its shard unreadable the note's body belongs to nothing on disk either.
      expect(found).toContainEqual(['orphan_body', expect.stringContaining(note.id)]);
      expect(report.problems).toHaveLength(6);
    });
  });
});
