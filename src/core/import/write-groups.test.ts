import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, withTempLibrary } from '../../../tests/helpers/temp-library';
import { bodyBucket } from '../ids';
import { ASSETS_DIR, BODIES_DIR } from '../paths';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('importMarkdown writing new items in groups', () => {
  it('writes many items in a few changes, and still finds a copy of one written in the same group', async () => {
    const dir = await makeTempDir('commonplace-vault-');
    for (let n = 0; n < 130; n++)
      await fs.writeFile(path.join(dir, `note ${String(n).padStart(3, '0')}.md`), `Text number ${n}.\n`);
    await fs.writeFile(
      path.join(dir, 'note 003a.md'),
      '---\ntitle: note 003\ntags: [again]\n---\nText number 3.\n',
    );
    await withTempLibrary(async ({ notebook }) => {
      const before = (await notebook.getLibraryInfo({})).rev;
      const summary = await notebook.importMarkdown({ dir });
      expect(summary.created).toBe(130);
      const copy = summary.items.find((item) => item.source === 'note 003a.md');
      const first = summary.items.find((item) => item.source === 'note 003.md');
      expect(copy).toMatchObject({ outcome: 'merged', id: first?.id });
      expect((await notebook.getItem({ id: first?.id ?? '' })).tags).toEqual(['again']);
      // Two groups and one merge, not one change per item.
      expect((await notebook.getLibraryInfo({})).rev - before).toBeLessThanOrEqual(4);
    });
  });

  it('leaves nothing of a group whose change fails, and reports each of its items', async () => {
    const dir = await makeTempDir('commonplace-vault-');
    await fs.writeFile(path.join(dir, 'pic.png'), PNG);
    await fs.writeFile(path.join(dir, 'a.md'), '---\nid: groupa01\n---\nA picture: ![](pic.png)\n');
    await fs.writeFile(path.join(dir, 'b.md'), '---\nid: groupb01\n---\nB.\n');
    await withTempLibrary(async ({ notebook, dir: library }) => {
      // A file where b's body folder would go: writing b's body fails, and with it the group.
      await fs.mkdir(path.join(library, BODIES_DIR), { recursive: true });
      await fs.writeFile(path.join(library, BODIES_DIR, bodyBucket('groupb01')), 'in the way');
      const summary = await notebook.importMarkdown({ dir });
      expect(summary.created).toBe(0);
      expect(summary.skipped).toBe(2);
      expect(summary.problems.map((p) => [p.subject, p.code]).sort()).toEqual([
        ['a.md', 'not_imported'],
        ['b.md', 'not_imported'],
      ]);
      expect((await notebook.getLibraryInfo({})).counts.items).toBe(0);
      const bucket = path.join(library, BODIES_DIR, bodyBucket('groupa01'));
      expect(existsSync(bucket) ? await fs.readdir(bucket) : []).toEqual([]);
      const assets = await fs.readdir(path.join(library, ASSETS_DIR)).catch(() => []);
      expect(assets).toEqual([]);
    });
  });
});
