import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../tests/helpers/fixture-server';
import { makeTempDir, steppingClock, withTempLibrary } from '../../../tests/helpers/temp-library';
import { countingIds, makeExportFixture } from '../export/export-fixture';

let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer();
});
afterAll(async () => {
  await site.close();
});

/** Every file under `dir` (relative, `/`-separated) with its bytes as base64 (attachments are binary). */
async function readTree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = (await fs.readFile(full)).toString('base64');
  }
  return files;
}

const decoded = (tree: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).map(([name, data]) => [name, Buffer.from(data, 'base64').toString('utf8')]),
  );

describe('export, import, export', () => {
  it('gives the same files', async () => {
    const first = await makeTempDir('commonplace-export-');
    const second = await makeTempDir('commonplace-export-');
    const options = {
      clock: steppingClock(),
      newId: countingIds(),
      clipper: { inWorker: false, timeoutMs: 5_000 },
    };
    await withTempLibrary(async ({ notebook }) => {
      await makeExportFixture(notebook, site);
      await notebook.exportMarkdown({ dir: first, prune: false });
    }, options);
    await withTempLibrary(
      async ({ notebook }) => {
        const summary = await notebook.importMarkdown({ dir: first });
        expect(summary.problems).toEqual([]);
        expect(summary.created).toBe(summary.items.length);
        expect(summary.highlights).toBeGreaterThan(0);
        await notebook.exportMarkdown({ dir: second, prune: false });
        const again = await notebook.importMarkdown({ dir: first });
        expect(again.created).toBe(0);
      },
      { clock: steppingClock('2030-01-01T00:00:00.000Z') },
    );
    const before = await readTree(first);
    expect(Object.keys(before).some((name) => name.startsWith('attachments/'))).toBe(true);
    expect(decoded(await readTree(second))).toEqual(decoded(before));
  });
});
