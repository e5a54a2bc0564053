import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createNotebook } from '../core';
import { makeCliLibrary, runCli, type CliLibrary } from '../../tests/helpers/cli';

// Asymmetric matchers as `unknown`, so object literals holding them stay typed.
const anyString = (): unknown => expect.any(String);
const containing = (text: string): unknown => expect.stringContaining(text);
const parse = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;
const keys = (value: unknown): string[] => Object.keys(value as object).sort();

const ITEM_KEYS = [
  'aliases',
  'body',
  'created',
  'deleted',
  'excerpt',
  'id',
  'rev',
  'tags',
  'title',
  'type',
  'updated',
];
const SUMMARY_KEYS = ITEM_KEYS.filter((k) => k !== 'body');
const STACK_LINE = /^\s+at .+/m;

let cli: CliLibrary;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-');
});

async function newNote(title: string, ...rest: string[]): Promise<Record<string, unknown>> {
  return cli.json('note', 'new', '--title', title, ...rest);
}

describe('note new', () => {
  it('prints the created Item with --json', async () => {
    const item = await newNote(
      'Timbuktu',
      '--body',
      'The *manuscripts*.',
      '--tag',
      'sahel/mali',
      '--tag',
      '#history',
    );
    expect(keys(item)).toEqual(ITEM_KEYS);
    expect(item).toMatchObject({
      type: 'note',
      title: 'Timbuktu',
      body: 'The *manuscripts*.',
      tags: ['sahel/mali', 'history'],
      deleted: null,
    });
  });

  it('says what it created in text', async () => {
    const result = await cli.run(['note', 'new', '--title', 'Plain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created note [a-z0-9]+\n$/);
    const id = result.stdout.trim().split(' ').pop() ?? '';
    expect((await cli.json('show', id)).title).toBe('Plain');
  });

  it('reads the body from a file or from standard input', async () => {
    const file = join(cli.dir, 'body.md');
    await writeFile(file, '# From a file\n');
    expect((await newNote('f', '--body-file', file)).body).toBe('# From a file\n');
    const piped = await cli.run(['note', 'new', '--body-file', '-', '--json'], {
      stdin: 'piped text',
    });
    expect(piped.code).toBe(0);
    expect(parse(piped.stdout).body).toBe('piped text');
  });

  it('refuses --body with --body-file (usage, exit 2) and a missing body file (exit 1)', async () => {
    const both = await cli.run(['note', 'new', '--body', 'x', '--body-file', 'y']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Usage: commonplace note new');
    const missing = await runCli([
      'note',
      'new',
      '--body-file',
      join(cli.dir, 'nope.md'),
      '--library',
      cli.library,
      '--json',
    ]);
    expect(missing.code).toBe(1);
    expect(parse(missing.stdout)).toEqual({
      error: { code: 'invalid_argument', message: containing('nope.md') },
    });
  });

  it('reports an invalid tag as a failure naming it', async () => {
    const result = await cli.run(['note', 'new', '--tag', 'no spaces', '--json']);
    expect(result.code).toBe(1);
    expect(parse(result.stdout)).toEqual({
      error: { code: 'invalid_argument', message: containing('no spaces') },
    });
    expect(result.stderr).toMatch(/^commonplace: .*no spaces.*\n$/);
  });
});

describe('list', () => {
  it('prints the ItemPage with --json, honouring view, tag, limit and offset', async () => {
    const a = await newNote('Alpha', '--tag', 'sahel/mali');
    const b = await newNote('Beta', '--tag', 'sahel');
    const c = await newNote('Gamma');
    const page = await cli.json('list');
    expect(keys(page)).toEqual(['items', 'offset', 'total']);
    expect(page.total).toBe(3);
    expect(page.offset).toBe(0);
    const items = page.items as Record<string, unknown>[];
    expect(items.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
    for (const item of items) expect(keys(item)).toEqual(SUMMARY_KEYS);

    const tagged = await cli.json('list', '--tag', 'sahel');
    expect((tagged.items as { id: string }[]).map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    const limited = await cli.json('list', '--limit', '1', '--offset', '1');
    expect(limited).toMatchObject({ total: 3, offset: 1 });
    expect(limited.items).toHaveLength(1);
    expect((await cli.json('list', '--view', 'trash')).total).toBe(0);
    expect((await cli.json('list', '--view', 'notes')).total).toBe(3);
  });

  it('prints aligned rows and "N of TOTAL" in text', async () => {
    const a = await newNote('A short one', '--tag', 'x', '--tag', 'y/z');
    const b = await newNote('A much longer title');
    const result = await cli.run(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('2 of 2');
    const row = lines.find((l) => l.startsWith(String(a.id))) ?? '';
    expect(row).toMatch(new RegExp(`^${String(a.id)}  \\d{4}-\\d{2}-\\d{2}  A short one {10}#x #y/z$`));
    expect(lines.find((l) => l.startsWith(String(b.id)))).toMatch(/ {2}A much longer title$/);
    expect(row.indexOf('A short one')).toBe(lines[0]?.indexOf('A ') ?? -1);
  });

  it('rejects bad values as usage errors', async () => {
    for (const args of [
      ['--view', 'everything'],
      ['--limit', 'ten'],
      ['--limit', '0'],
      ['--offset', '-1'],
      ['--tag', 'a', '--tag', 'b'],
    ]) {
      const result = await cli.run(['list', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: commonplace list');
    }
  });
});

describe('show, tag, delete, restore, empty-trash', () => {
  it('shows an Item with --json and in text', async () => {
    const note = await newNote('Shown', '--body', 'Body text here.', '--tag', 'reading');
    const shown = await cli.json('show', String(note.id));
    expect(keys(shown)).toEqual(ITEM_KEYS);
    expect(shown).toEqual(note);
    const text = await cli.run(['show', String(note.id)]);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Shown');
    expect(text.stdout).toContain('#reading');
    expect(text.stdout).toContain(String(note.created));
    expect(text.stdout.trimEnd().endsWith('\n\nBody text here.')).toBe(true);
  });

  it('adds and removes tags', async () => {
    const note = await newNote('Tagged', '--tag', 'one');
    const added = await cli.json('tag', String(note.id), 'add', 'two', 'three/four');
    expect(keys(added)).toEqual(ITEM_KEYS);
    expect(added.tags).toEqual(['one', 'two', 'three/four']);
    const removed = await cli.json('tag', String(note.id), 'remove', 'one', 'two');
    expect(removed.tags).toEqual(['three/four']);
    const text = await cli.run(['tag', String(note.id), 'add', 'five']);
    expect(text.stdout).toBe(`${String(note.id)} tags: #three/four #five\n`);
    const bad = await cli.run(['tag', String(note.id), 'toggle', 'x']);
    expect(bad.code).toBe(2);
  });

  it('moves to the trash, restores, and empties the trash only with --yes', async () => {
    const keep = await newNote('Keep');
    const drop = await newNote('Drop');
    const trashed = await cli.json('delete', String(drop.id));
    expect(keys(trashed)).toEqual(SUMMARY_KEYS);
    expect(trashed.deleted).toEqual(expect.any(String));
    expect((await cli.json('list', '--view', 'trash')).total).toBe(1);

    const restored = await cli.json('restore', String(drop.id));
    expect(keys(restored)).toEqual(SUMMARY_KEYS);
    expect(restored.deleted).toBeNull();

    const text = await cli.run(['delete', String(drop.id)]);
    expect(text.stdout).toBe(`Moved ${String(drop.id)} "Drop" to the trash.\n`);

    const refused = await cli.run(['empty-trash', '--json']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(parse(refused.stdout)).toEqual({
      error: { code: 'invalid_argument', message: containing('--yes') },
    });
    expect((await cli.json('list', '--view', 'trash')).total).toBe(1);

    const emptied = await cli.json('empty-trash', '--yes');
    expect(emptied).toEqual({ purged: 1 });
    expect((await cli.json('list', '--view', 'trash')).total).toBe(0);
    expect(((await cli.json('list')).items as { id: string }[]).map((i) => i.id)).toEqual([keep.id]);
  });

  it('answers not_found with exit 1, a one-line message and a JSON error', async () => {
    const result = await cli.run(['show', 'nosuchitem', '--json']);
    expect(result.code).toBe(1);
    expect(parse(result.stdout)).toEqual({ error: { code: 'not_found', message: anyString() } });
    expect(result.stderr).toMatch(/^commonplace: [^\n]+\n$/);
    const text = await cli.run(['delete', 'nosuchitem']);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^commonplace: [^\n]+\n$/);
  });
});

describe('tags, info, check', () => {
  it('counts tags', async () => {
    await newNote('a', '--tag', 'sahel/mali', '--tag', 'x');
    await newNote('b', '--tag', 'x');
    const result = await cli.json('tags');
    expect(keys(result)).toEqual(['tags', 'tree']);
    const tags = result.tags as { name: string; count: number }[];
    for (const tag of tags) expect(keys(tag)).toEqual(['count', 'name']);
    expect(tags).toEqual(
      expect.arrayContaining([
        { name: 'x', count: 2 },
        { name: 'sahel/mali', count: 1 },
      ]),
    );
    const text = await cli.run(['tags']);
    expect(text.stdout).toMatch(/^#x {6}2$/m);
    expect(text.stdout).toMatch(/^#sahel {2}1\n {2}mali {2}1$/m);
  });

  it('prints LibraryInfo', async () => {
    await newNote('a');
    const info = await cli.json('info');
    expect(keys(info)).toEqual(['counts', 'dir', 'recoveries', 'rev', 'schemaVersion']);
    expect(keys(info.counts)).toEqual(['clips', 'items', 'notes', 'trash']);
    expect(info.dir).toBe(cli.library);
    expect(info.recoveries).toEqual([]);
    const text = await cli.run(['info']);
    expect(text.stdout).toContain(cli.library);
  });

  it('prints the CheckReport and exits 0 when the library is sound', async () => {
    await newNote('a', '--body', 'text');
    const report = await cli.json('check');
    expect(keys(report)).toEqual(['checked', 'ok', 'problems']);
    expect(keys(report.checked)).toEqual(['files', 'items']);
    expect(report).toMatchObject({ ok: true, problems: [] });
    const text = await cli.run(['check']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^No problems found/);
  });

  it('exits 1 and lists the problems when the library is damaged', async () => {
    const note = await newNote('a', '--body', 'text that will go missing');
    const { rm: remove, readdir } = await import('node:fs/promises');
    const bodies = join(cli.library, 'bodies');
    for (const bucket of await readdir(bodies)) {
      for (const file of await readdir(join(bodies, bucket))) {
        if (file.startsWith(String(note.id))) await remove(join(bodies, bucket, file));
      }
    }
    const json = await cli.run(['check', '--json']);
    expect(json.code).toBe(1);
    const report = parse(json.stdout);
    expect(report.ok).toBe(false);
    expect((report.problems as unknown[]).length).toBeGreaterThan(0);
    const text = await cli.run(['check']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Found \d+ problems?/);
  });
});

describe('the command line itself', () => {
  it('honours COMMONPLACE_LIBRARY, and --library anywhere on the line', async () => {
    const viaEnv = await runCli(['note', 'new', '--title', 'env', '--json'], {
      env: { COMMONPLACE_LIBRARY: cli.library },
    });
    expect(viaEnv.code).toBe(0);
    const page = await cli.json('list');
    expect((page.items as { title: string }[]).map((i) => i.title)).toEqual(['env']);
    const first = await runCli(['--library', cli.library, '--json', 'list']);
    expect(parse(first.stdout).total).toBe(1);
    const other = join(cli.dir, 'other');
    const flagWins = await runCli(['list', '--json', '--library', other], {
      env: { COMMONPLACE_LIBRARY: cli.library },
    });
    expect(parse(flagWins.stdout).total).toBe(0);
  });

  it('exits 2 with usage on usage errors', async () => {
    const cases: [string[], string][] = [
      [[], 'Usage: commonplace <command>'],
      [['frobnicate'], 'Usage: commonplace <command>'],
      [['note'], 'Usage: commonplace <command>'],
      [['note', 'old'], 'Usage: commonplace <command>'],
      [['show'], 'Usage: commonplace show ID'],
      [['show', 'a', 'b'], 'Usage: commonplace show ID'],
      [['list', '--bogus'], 'Usage: commonplace list'],
      [['note', 'new', '--title'], 'Usage: commonplace note new'],
      [['tag', 'abc', 'add'], 'Usage: commonplace tag'],
      [['serve', '--port', '70000'], 'Usage: commonplace serve'],
      [['help', 'nothing'], 'Usage: commonplace <command>'],
    ];
    for (const [args, usage] of cases) {
      const result = await cli.run([...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^commonplace: /);
      expect(result.stderr, args.join(' ')).toContain(usage);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stdout).toBe('');
    }
    const json = await cli.run(['show', '--json']);
    expect(parse(json.stdout)).toEqual({ error: { code: 'invalid_argument', message: anyString() } });
  });

  it('prints help for every command and the version', async () => {
    const general = await runCli(['--help']);
    expect(general.code).toBe(0);
    for (const name of [
      'note new',
      'list',
      'show',
      'tag',
      'delete',
      'restore',
      'empty-trash',
      'tags',
      'info',
      'check',
      'serve',
    ]) {
      expect(general.stdout).toContain(`  ${name} `);
      const help = await runCli(['help', ...name.split(' ')]);
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain(`Usage: commonplace ${name}`);
      const flag = await runCli([...name.split(' '), '--help']);
      expect(flag.stdout).toBe(help.stdout);
    }
    expect((await runCli(['help'])).stdout).toBe(general.stdout);
    const version = await runCli(['--version']);
    expect(version).toEqual({ code: 0, stdout: 'commonplace 0.1.0\n', stderr: '' });
  });

  it('refuses a library another process holds, naming the holder', async () => {
    const holder = await createNotebook({ dir: cli.library, holder: 'commonplace serve' });
    try {
      const result = await cli.run(['list', '--json']);
      expect(result.code).toBe(1);
      expect(parse(result.stdout)).toEqual({
        error: { code: 'locked', message: containing('commonplace serve') },
      });
      expect(result.stderr).toContain('commonplace serve');
    } finally {
      await holder.close();
    }
    expect((await cli.run(['list'])).code).toBe(0);
  });
});
