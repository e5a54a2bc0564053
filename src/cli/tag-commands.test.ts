import { beforeEach, describe, expect, it } from 'vitest';
import { makeCliLibrary, type CliLibrary } from '../../tests/helpers/cli';

let cli: CliLibrary;

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-tags-');
});

async function newNote(title: string, ...tags: string[]): Promise<string> {
  const note = await cli.json('note', 'new', '--title', title, ...tags.flatMap((t) => ['--tag', t]));
  return String(note.id);
}

async function tagsOf(id: string): Promise<unknown> {
  return (await cli.json('show', id)).tags;
}

describe('tags', () => {
  it('prints the tree, indented, with counts that include nested tags', async () => {
    await newNote('a', 'sahel/mali', 'x');
    await newNote('b', 'sahel/niger', 'sahel/mali/gao');
    const text = await cli.run(['tags']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      ['#sahel   2', '  mali   2', '    gao  1', '  niger  1', '#x       1', ''].join('\n'),
    );

    const result = await cli.json('tags');
    expect(Object.keys(result).sort()).toEqual(['tags', 'tree']);
    expect(result.tags).toContainEqual({ name: 'sahel/mali', count: 1 });
    expect((result.tree as unknown[])[0]).toMatchObject({
      name: 'sahel',
      label: 'sahel',
      count: 2,
      own: 0,
      children: [{ name: 'sahel/mali', count: 2, own: 1 }, { name: 'sahel/niger' }],
    });
  });

  it('says so when there are no tags', async () => {
    await newNote('plain');
    expect((await cli.run(['tags'])).stdout).toBe('No tags.\n');
  });
});

describe('tag rename, merge, delete', () => {
  it('renames a tag with its children, and merges onto an existing one', async () => {
    const a = await newNote('a', 'sahel', 'sahel/mali');
    const b = await newNote('b', 'west-africa', 'sahel/niger');
    expect(await cli.json('tag', 'rename', 'sahel', 'west-africa')).toEqual({ changed: 2 });
    expect(await tagsOf(a)).toEqual(['west-africa', 'west-africa/mali']);
    expect(await tagsOf(b)).toEqual(['west-africa', 'west-africa/niger']);

    const text = await cli.run(['tag', 'merge', 'west-africa/niger', 'west-africa/mali']);
    expect(text).toEqual({
      code: 0,
      stdout: 'Merged #west-africa/niger into #west-africa/mali on 1 item.\n',
      stderr: '',
    });
    expect(await tagsOf(b)).toEqual(['west-africa', 'west-africa/mali']);
    expect((await cli.run(['tag', 'rename', 'west-africa', 'wa'])).stdout).toBe(
      'Renamed #west-africa to #wa on 2 items.\n',
    );
  });

  it('refuses a rename into its own child and an unknown tag', async () => {
    const a = await newNote('a', 'sahel');
    const child = await cli.run(['tag', 'rename', 'sahel', 'sahel/mali', '--json']);
    expect(child.code).toBe(1);
    expect(JSON.parse(child.stdout)).toEqual({
      error: { code: 'invalid_argument', message: expect.stringContaining('under itself') as unknown },
    });
    const unknown = await cli.run(['tag', 'merge', 'nowhere', 'sahel']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('commonplace: No item has the tag #nowhere.\n');
    expect(await tagsOf(a)).toEqual(['sahel']);
  });

  it('deletes a tag everywhere only with --yes', async () => {
    const a = await newNote('a', 'sahel/mali', 'keep');
    const refused = await cli.run(['tag', 'delete', 'sahel']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(await tagsOf(a)).toEqual(['sahel/mali', 'keep']);

    expect(await cli.json('tag', 'delete', 'sahel', '--yes')).toEqual({ changed: 1 });
    expect(await tagsOf(a)).toEqual(['keep']);
    expect((await cli.run(['tag', 'delete', 'keep', '--yes'])).stdout).toBe('Removed #keep from 1 item.\n');
  });

  it('answers a usage error for the wrong number of arguments', async () => {
    for (const args of [
      ['rename', 'a'],
      ['merge', 'a', 'b', 'c'],
      ['delete', 'a', 'b', '--yes'],
    ]) {
      const result = await cli.run(['tag', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Usage: commonplace tag');
    }
  });

  it('keeps adding and removing tags on one item', async () => {
    const a = await newNote('a', 'one');
    expect((await cli.json('tag', a, 'add', 'two')).tags).toEqual(['one', 'two']);
    expect((await cli.json('tag', a, 'remove', 'one')).tags).toEqual(['two']);
    expect((await cli.run(['tag', a, 'add'])).code).toBe(2);
    expect((await cli.run(['tag', a, 'toggle', 'x'])).code).toBe(2);
  });
});
