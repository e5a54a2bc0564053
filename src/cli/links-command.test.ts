import { describe, expect, it } from 'vitest';
import type { ApiResults } from '../shared/api';
import type { LinksReport } from '../shared/types';
import { createNotebook } from '../core';
import { runCommand } from '../../tests/helpers/cli';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { links } from './commands/links';
import { rename } from './commands/rename';
import { UsageError } from './usage-error';

async function seed(library: string): Promise<{ mali: string; trip: string; other: string }> {
  const notebook = await createNotebook({ dir: library });
  try {
    const mali = (await notebook.createNote({ title: 'Mali', body: '', tags: [] })).id;
    const trip = (
      await notebook.createNote({
        title: 'Trip',
        body: 'To [[Mali#Gao|the north]]\nand [[Nowhere]].',
        tags: [],
      })
    ).id;
    const other = (await notebook.createNote({ title: 'Other', body: 'Mali, unlinked.', tags: [] })).id;
    return { mali, trip, other };
  } finally {
    await notebook.close();
  }
}

describe('commonplace links', () => {
  it('prints the LinksReport with --json', async () => {
    const library = await makeTempDir();
    const { mali, trip, other } = await seed(library);
    const result = await runCommand(links, library, [mali, '--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const report = JSON.parse(result.stdout) as LinksReport;
    expect(Object.keys(report).sort()).toEqual([
      'backlinks',
      'id',
      'outgoing',
      'unlinkedMentions',
      'unresolved',
    ]);
    expect(report.backlinks).toMatchObject([{ source: { id: trip }, line: 1, link: { heading: 'Gao' } }]);
    expect(report.unlinkedMentions).toMatchObject([
      { source: { id: other }, line: 1, context: 'Mali, unlinked.' },
    ]);
  });

  it('prints each section as text', async () => {
    const library = await makeTempDir();
    const { mali, trip } = await seed(library);
    const { stdout } = await runCommand(links, library, [trip]);
    expect(stdout).toContain('Outgoing (2):');
    expect(stdout).toContain(`line 1  [[Mali#Gao|the north]] → ${mali} note "Mali"`);
    expect(stdout).toContain('line 2  [[Nowhere]] → unresolved');
    expect(stdout).toContain('Backlinks (0):\n  (none)');
    expect(stdout).toContain('Unresolved (1):\n  line 2  [[Nowhere]]');
  });
});

describe('commonplace rename', () => {
  it('counts with --dry-run, then renames and rewrites links', async () => {
    const library = await makeTempDir();
    const { mali, trip } = await seed(library);
    const dry = await runCommand(rename, library, [mali, 'Republic', 'of', 'Mali', '--dry-run']);
    expect(dry.stdout).toBe(
      `Renaming ${mali} "Mali" to "Republic of Mali" would update 1 link in 1 note (nothing changed).\n`,
    );

    const done = await runCommand(rename, library, [mali, 'Republic of Mali', '--json']);
    const result = JSON.parse(done.stdout) as ApiResults['renameItem'];
    expect(result).toMatchObject({
      notesChanged: 1,
      linksChanged: 1,
      dryRun: false,
      item: { title: 'Republic of Mali' },
    });

    const again = await runCommand(rename, library, [mali, 'Mali']);
    expect(again.stdout).toBe(`Renamed ${mali} to "Mali"; updated 1 link in 1 note.\n`);
    const notebook = await createNotebook({ dir: library });
    try {
      expect(await notebook.getItem({ id: trip })).toMatchObject({
        body: 'To [[Mali#Gao|the north]]\nand [[Nowhere]].',
      });
    } finally {
      await notebook.close();
    }
  });

  it('refuses an empty title and an unlinkable one', async () => {
    const library = await makeTempDir();
    const { mali } = await seed(library);
    await expect(runCommand(rename, library, [mali, ' '])).rejects.toBeInstanceOf(UsageError);
    await expect(runCommand(rename, library, [mali, 'Mali', '#2'])).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
