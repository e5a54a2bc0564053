import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ApiResults } from '../shared/api';
import type { LinksReport } from '../shared/types';
import { createNotebook } from '../core';
import { makeTempDir } from '../../tests/helpers/temp-library';
import type { Command, CommandContext } from './command';
import { links } from './commands/links';
import { rename } from './commands/rename';
import { withNotebook } from './library';
import { UsageError } from './usage-error';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// The commands are called directly, with the context the command line would build.
async function run(command: Command, library: string, args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const parsed = parseArgs({
    args,
    options: { ...command.options, json: { type: 'boolean' } },
    strict: true,
    allowPositionals: true,
  });
  const holder = `commonplace ${command.words.join(' ')}`;
  const context: CommandContext = {
    io: {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      env: {},
      stdin: Readable.from([]),
    },
    values: parsed.values,
    positionals: parsed.positionals,
    json: parsed.values.json === true,
    libraryDir: library,
    holder,
    withNotebook: (use) => withNotebook(library, holder, use),
  };
  const code = await command.run(context);
  return { code, stdout, stderr };
}

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
    const result = await run(links, library, [mali, '--json']);
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
    const { stdout } = await run(links, library, [trip]);
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
    const dry = await run(rename, library, [mali, 'Republic', 'of', 'Mali', '--dry-run']);
    expect(dry.stdout).toBe(
      `Renaming ${mali} "Mali" to "Republic of Mali" would update 1 link in 1 note (nothing changed).\n`,
    );

    const done = await run(rename, library, [mali, 'Republic of Mali', '--json']);
    const result = JSON.parse(done.stdout) as ApiResults['renameItem'];
    expect(result).toMatchObject({
      notesChanged: 1,
      linksChanged: 1,
      dryRun: false,
      item: { title: 'Republic of Mali' },
    });

    const again = await run(rename, library, [mali, 'Mali']);
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
    await expect(run(rename, library, [mali, ' '])).rejects.toBeInstanceOf(UsageError);
    await expect(run(rename, library, [mali, 'Mali', '#2'])).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  });
});
