import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../shared/types';
import { createNotebook } from '../core';
import { runCommand } from '../../tests/helpers/cli';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { importCommand } from './commands/import';
import { UsageError } from './usage-error';

const run = runCommand;

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/vault');

async function setup(): Promise<{ library: string; vault: string }> {
  const dir = await makeTempDir('commonplace-cli-import-');
  const vault = path.join(dir, 'vault');
  await fs.cp(FIXTURE, vault, { recursive: true });
  return { library: path.join(dir, 'library'), vault };
}

describe('commonplace import', () => {
  it('imports a folder and prints the counts and one line per problem', async () => {
    const { library, vault } = await setup();
    const out = await run(importCommand, library, [vault]);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toBe(`Imported ${vault}: 7 created, 0 merged, 1 skipped, 3 highlights, 2 attachments.`);
    expect(lines).toContain('5 problems:');
    expect(lines).toContain(
      '  Welcome.md: [[Missing note]] points at no file in the folder and no item in the library: kept as an unresolved link. [unresolved_link]',
    );
    expect(lines.some((line) => line.startsWith('  Latin-1 note.md: ') && line.endsWith('[not_utf8]'))).toBe(
      true,
    );
    expect(lines.filter((line) => line.startsWith('  '))).toHaveLength(5);
    const notebook = await createNotebook({ dir: library });
    try {
      expect((await notebook.getLibraryInfo({})).counts).toMatchObject({ notes: 6, clips: 1 });
    } finally {
      await notebook.close();
    }
  });

  it('prints the ImportSummary with --json, and skips everything the second time', async () => {
    const { library, vault } = await setup();
    const first = JSON.parse((await run(importCommand, library, [vault, '--json'])).stdout) as ImportSummary;
    expect(first.created).toBe(7);
    const out = await run(importCommand, library, [vault, '--json']);
    expect(out.stdout.trim().split('\n')).toHaveLength(1);
    const second = JSON.parse(out.stdout) as ImportSummary;
    expect(second).toMatchObject({ source: vault, created: 0, merged: 0, skipped: 8 });
    expect(second.items.map((item) => item.outcome)).toEqual(Array(7).fill('skipped'));
  });

  it('refuses options that do not go together', async () => {
    const { library, vault } = await setup();
    await expect(run(importCommand, library, [vault, '--from', 'instapaper'])).rejects.toThrow(UsageError);
    await expect(run(importCommand, library, [vault, '--no-fetch'])).rejects.toThrow(
      '--no-fetch is only for a read-it-later export',
    );
  });

  it('hands a read-it-later export to importReadLater', async () => {
    const { library } = await setup();
    const file = path.join(path.dirname(library), 'missing-export.csv');
    // Whatever that import makes of the file, it is that method answering, not the folder import.
    const failure = await run(importCommand, library, [
      '--from',
      'pocket-csv',
      file,
      '--no-fetch',
      '--json',
    ]).catch((error: unknown) => error);
    expect(String((failure as Error).message ?? failure)).not.toContain('There is no folder');
  });
});
