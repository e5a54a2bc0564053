import { describe, expect, it } from 'vitest';
import type { TagNode } from '../shared/types';
import { call } from '../../tests/helpers/call';
import { rejection } from '../../tests/helpers/errors';
import { steppingClock, withTempLibrary } from '../../tests/helpers/temp-library';
import type { Notebook } from './notebook';
import { renamedTags } from './tag-methods';

async function note(notebook: Notebook, title: string, tags: string[]): Promise<string> {
  return (await call(notebook, 'createNote', { title, tags })).id;
}

async function tagsOf(notebook: Notebook, id: string): Promise<string[]> {
  return (await call(notebook, 'getItem', { id })).tags;
}

/** The tree as `name count/own` lines, indented by depth, so a whole tree reads at a glance. */
function outline(nodes: TagNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.label} ${node.count}/${node.own}`,
    ...outline(node.children, depth + 1),
  ]);
}

describe('listTags', () => {
  it('builds the tree: counts include nested tags once per item, parents nobody carries appear', async () => {
    await withTempLibrary(async ({ notebook }) => {
      await note(notebook, 'a', ['sahel/mali', 'sahel/niger']);
      await note(notebook, 'b', ['sahel', 'sahel/mali/mopti']);
      await note(notebook, 'c', ['Sahel/Mali']);
      await note(notebook, 'd', ['archive/2024/q10', 'archive/2024/q9', 'à-trier']);
      const trashed = await note(notebook, 'e', ['sahel/chad', 'gone']);
      await call(notebook, 'trashItem', { id: trashed });

      const { tags, tree } = await call(notebook, 'listTags', {});
      expect(outline(tree)).toEqual([
        'à-trier 1/1',
        'archive 1/0',
        '  2024 1/0',
        '    q9 1/1',
        '    q10 1/1',
        'sahel 3/1',
        '  Mali 3/2',
        '    mopti 1/1',
        '  niger 1/1',
      ]);
      // A tag is spelled as on the most recently updated item carrying it, in both answers.
      expect(tree.find((n) => n.label === 'sahel')?.children[0]?.name).toBe('Sahel/Mali');
      expect(tree.find((n) => n.label === 'archive')?.children[0]?.name).toBe('archive/2024');
      expect(tags).toContainEqual({ name: 'Sahel/Mali', count: 2 });
      expect(tags.map((t) => t.name)).not.toContain('gone');
    });
  });

  it('answers an empty tree for a library without tags', async () => {
    await withTempLibrary(async ({ notebook }) => {
      await note(notebook, 'plain', []);
      expect(await call(notebook, 'listTags', {})).toEqual({ tags: [], tree: [] });
    });
  });
});

describe('tagItems', () => {
  it('tags many items in one change, skipping the trash, and bumps updated', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const a = await note(notebook, 'a', ['keep']);
        const b = await note(notebook, 'b', ['old']);
        const c = await note(notebook, 'c', ['old']);
        await call(notebook, 'trashItem', { id: c });
        const before = await call(notebook, 'getItem', { id: a });
        const revBefore = (await call(notebook, 'getLibraryInfo', {})).rev;

        const result = await call(notebook, 'tagItems', {
          ids: [a, b, c, a],
          add: ['#Sahel/Mali', 'keep'],
          remove: ['old'],
        });
        expect(result).toEqual({ changed: 2 });
        expect((await call(notebook, 'getLibraryInfo', {})).rev).toBe(revBefore + 1);
        expect(await tagsOf(notebook, a)).toEqual(['keep', 'Sahel/Mali']);
        expect(await tagsOf(notebook, b)).toEqual(['Sahel/Mali', 'keep']);
        expect(await tagsOf(notebook, c)).toEqual(['old']);
        const after = await call(notebook, 'getItem', { id: a });
        expect(after.updated > before.updated).toBe(true);

        expect(await call(notebook, 'tagItems', { ids: [a, b], add: ['keep'] })).toEqual({ changed: 0 });
        expect((await call(notebook, 'getLibraryInfo', {})).rev).toBe(revBefore + 1);
      },
      { clock: steppingClock() },
    );
  });

  it('refuses an unknown id, naming it, and changes nothing', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', []);
      const refused = await rejection(
        call(notebook, 'tagItems', { ids: [a, 'nosuch', 'other'], add: ['x'] }),
      );
      expect(refused.code).toBe('not_found');
      expect(refused.message).toContain('nosuch');
      expect(await tagsOf(notebook, a)).toEqual([]);
    });
  });

  it('refuses an invalid tag before changing anything', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', []);
      const refused = await rejection(call(notebook, 'tagItems', { ids: [a], add: ['ok', 'no spaces'] }));
      expect(refused.code).toBe('invalid_argument');
      expect(await tagsOf(notebook, a)).toEqual([]);
    });
  });
});

describe('renameTag and mergeTags', () => {
  it('renames a tag and its children on every item, trash included, keeping updated', async () => {
    await withTempLibrary(
      async ({ notebook }) => {
        const a = await note(notebook, 'a', ['field', 'sahel']);
        const b = await note(notebook, 'b', ['Sahel/Mali/mopti', 'sahelian']);
        const c = await note(notebook, 'c', ['sahel/niger']);
        const other = await note(notebook, 'd', ['elsewhere']);
        await call(notebook, 'trashItem', { id: c });
        const before = await call(notebook, 'getItem', { id: a });
        const otherBefore = await call(notebook, 'getItem', { id: other });

        expect(await call(notebook, 'renameTag', { from: '#sahel', to: 'west-africa' })).toEqual({
          changed: 3,
        });
        expect(await tagsOf(notebook, a)).toEqual(['field', 'west-africa']);
        expect(await tagsOf(notebook, b)).toEqual(['west-africa/Mali/mopti', 'sahelian']);
        expect(await tagsOf(notebook, c)).toEqual(['west-africa/niger']);
        const after = await call(notebook, 'getItem', { id: a });
        expect(after.updated).toBe(before.updated);
        expect(after.rev).toBeGreaterThan(before.rev);
        expect(await call(notebook, 'getItem', { id: other })).toEqual(otherBefore);

        const { tree } = await call(notebook, 'listTags', {});
        expect(outline(tree)).toEqual([
          'elsewhere 1/1',
          'field 1/1',
          'sahelian 1/1',
          'west-africa 2/1',
          '  Mali 1/0',
          '    mopti 1/1',
        ]);
      },
      { clock: steppingClock() },
    );
  });

  it('renaming onto an existing tag merges them without duplicates', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['mali', 'bamako', 'x']);
      const b = await note(notebook, 'b', ['bamako/market']);
      expect(await call(notebook, 'renameTag', { from: 'bamako', to: 'Mali' })).toEqual({ changed: 2 });
      expect(await tagsOf(notebook, a)).toEqual(['mali', 'x']);
      expect(await tagsOf(notebook, b)).toEqual(['Mali/market']);

      const c = await note(notebook, 'c', ['x', 'y']);
      expect(await call(notebook, 'mergeTags', { from: 'y', into: 'x' })).toEqual({ changed: 1 });
      expect(await tagsOf(notebook, c)).toEqual(['x']);
      expect((await call(notebook, 'listTags', {})).tags).toContainEqual({ name: 'x', count: 2 });
    });
  });

  it('changes the case of a tag', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['mali/gao']);
      expect(await call(notebook, 'renameTag', { from: 'mali', to: 'Mali' })).toEqual({ changed: 1 });
      expect(await tagsOf(notebook, a)).toEqual(['Mali/gao']);
    });
  });

  it('refuses to move a tag under itself, and an unknown tag', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['sahel']);
      const intoChild = await rejection(call(notebook, 'renameTag', { from: 'sahel', to: 'Sahel/mali' }));
      expect(intoChild.code).toBe('invalid_argument');
      expect(intoChild.message).toBe(
        'Cannot rename #sahel into #Sahel/mali: a tag cannot move under itself.',
      );
      const merge = await rejection(call(notebook, 'mergeTags', { from: 'sahel', into: 'sahel/x' }));
      expect(merge.message).toContain('Cannot merge #sahel');

      const unknown = await rejection(call(notebook, 'renameTag', { from: '#nowhere', to: 'x' }));
      expect(unknown).toEqual({ code: 'not_found', message: 'No item has the tag #nowhere.' });
      // `sahel` is in use, but `sah` is only a prefix of it, not a parent.
      expect((await rejection(call(notebook, 'renameTag', { from: 'sah', to: 'x' }))).code).toBe('not_found');
      expect((await rejection(call(notebook, 'renameTag', { from: 'sahel', to: 'bad tag' }))).code).toBe(
        'invalid_argument',
      );
      expect(await tagsOf(notebook, a)).toEqual(['sahel']);
    });
  });

  it('refuses a rename that would make a nested tag too long, changing nothing', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['s/long-child-tag']);
      const b = await note(notebook, 'b', ['s']);
      const refused = await rejection(call(notebook, 'renameTag', { from: 's', to: 'x'.repeat(90) }));
      expect(refused.code).toBe('invalid_argument');
      expect(await tagsOf(notebook, a)).toEqual(['s/long-child-tag']);
      expect(await tagsOf(notebook, b)).toEqual(['s']);
    });
  });
});

describe('deleteTag', () => {
  it('removes a tag and its children from every item, trash included', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['sahel', 'field']);
      const b = await note(notebook, 'b', ['SAHEL/mali', 'sahelian']);
      const c = await note(notebook, 'c', ['sahel/niger/niamey']);
      await call(notebook, 'trashItem', { id: c });
      expect(await call(notebook, 'deleteTag', { tag: 'Sahel' })).toEqual({ changed: 3 });
      expect(await tagsOf(notebook, a)).toEqual(['field']);
      expect(await tagsOf(notebook, b)).toEqual(['sahelian']);
      expect(await tagsOf(notebook, c)).toEqual([]);
      expect((await rejection(call(notebook, 'deleteTag', { tag: 'sahel' }))).code).toBe('not_found');
    });
  });

  it('deletes only the nested tag when asked for it', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const a = await note(notebook, 'a', ['sahel', 'sahel/mali', 'sahel/mali/gao', 'sahel/niger']);
      expect(await call(notebook, 'deleteTag', { tag: 'sahel/mali' })).toEqual({ changed: 1 });
      expect(await tagsOf(notebook, a)).toEqual(['sahel', 'sahel/niger']);
    });
  });
});

describe('renamedTags', () => {
  it('moves children by segment, keeping their spelling, and dedupes', () => {
    expect(renamedTags(['A/b', 'a', 'ab', 'c'], 'a', 'c')).toEqual(['c/b', 'c', 'ab']);
  });
});
