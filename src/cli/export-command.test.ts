import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportSummary } from '../shared/types';
import { createNotebook } from '../core';
import { runCommand } from '../../tests/helpers/cli';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { exportCommand } from './commands/export';
import { UsageError } from './usage-error';

const run = runCommand;

async function seed(library: string): Promise<{ mali: string; niger: string; trip: string }> {
  const notebook = await createNotebook({ dir: library });
  try {
    const note = async (title: string, body: string, tags: string[]): Promise<string> =>
      (await notebook.createNote({ title, body, tags })).id;
    return {
      mali: await note('Mali', 'The country. See [[Niger]].', ['sahel/mali']),
      niger: await note('Niger', 'The river.', ['sahel']),
      trip: await note('Trip: Mopti', 'Boats on the river.', ['travel']),
    };
  } finally {
    await notebook.close();
  }
}

async function setup(): Promise<{ library: string; out: string; ids: Awaited<ReturnType<typeof seed>> }> {
  const dir = await makeTempDir('commonplace-cli-export-');
  const library = path.join(dir, 'library');
  return { library, out: path.join(dir, 'out'), ids: await seed(library) };
}

const mdFiles = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir)).filter((name) => name.endsWith('.md')).sort();

describe('commonplace export', () => {
  it('exports everything and prints a summary, with progress on stderr', async () => {
    const { library, out } = await setup();
    const first = await run(exportCommand, library, [out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^Exported 3 notes and 0 clips to ${out.replace(/[/\\]/g, '.')} in \\d+ ms\n`),
    );
    expect(first.stdout).toMatch(/written: +3\n/);
    expect(first.stdout).toMatch(/unchanged: +0\n/);
    expect(first.stdout).toMatch(/problems: +0\n?$/);
    expect(first.stderr).toContain('Exported 3 of 3 items');
    expect(await mdFiles(out)).toEqual(['Mali.md', 'Niger.md', 'Trip Mopti.md']);

    const again = await run(exportCommand, library, [out]);
    expect(again.stdout).toMatch(/written: +0\n/);
    expect(again.stdout).toMatch(/unchanged: +3\n/);
  });

  it('narrows by --tag, --query and --id; --json prints the ExportSummary; --prune removes the rest', async () => {
    const { library, out, ids } = await setup();
    await run(exportCommand, library, [out]);
    const byTag = await run(exportCommand, library, [out, '--tag', 'sahel', '--json']);
    expect(byTag.stderr).toBe('');
    const summary = JSON.parse(byTag.stdout) as ExportSummary;
    expect(summary).toMatchObject({ dir: out, notes: 2, clips: 0, written: 0, unchanged: 2, removed: 0 });
    expect(await mdFiles(out)).toEqual(['Mali.md', 'Niger.md', 'Trip Mopti.md']);

    const pruned = JSON.parse(
      (
        await run(exportCommand, library, [
          out,
          '--id',
          ids.mali,
          '--id',
          ids.trip,
          '--query',
          'river',
          '--prune',
          '--json',
        ])
      ).stdout,
    ) as ExportSummary;
    expect(pruned).toMatchObject({ notes: 1, removed: 2 });
    expect(await mdFiles(out)).toEqual(['Trip Mopti.md']);
  });

  it('refuses a folder inside the library, and a repeated --tag', async () => {
    const { library } = await setup();
    await expect(run(exportCommand, library, [path.join(library, 'x')])).rejects.toMatchObject({
      code: 'invalid_argument',
    });
    await expect(run(exportCommand, library, ['out', '--tag', 'a', '--tag', 'b'])).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});
