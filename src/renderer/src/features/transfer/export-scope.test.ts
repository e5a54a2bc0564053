import { describe, expect, it } from 'vitest';
import { defaultScope, emptyExportContext, exportArgs, pathProblem, scopeChoices } from './export-scope';

const everywhere = {
  tag: 'sahel/mali',
  query: ' river ',
  pickedIds: ['a1', 'b2'],
  open: { id: 'n1', title: 'Field notes' },
};

describe('what an export takes', () => {
  it('offers only the scopes that exist where the person is', () => {
    expect(scopeChoices(emptyExportContext).map((choice) => choice.scope)).toEqual(['all']);
    expect(scopeChoices(everywhere)).toEqual([
      { scope: 'all', label: 'The whole library' },
      { scope: 'tag', label: 'The tag #sahel/mali (with the tags under it)' },
      { scope: 'search', label: 'The results of the search “river”' },
      { scope: 'picked', label: 'The 2 selected items' },
      { scope: 'open', label: 'The open item “Field notes”' },
    ]);
    const one = scopeChoices({ ...emptyExportContext, pickedIds: ['a1'], open: { id: 'x', title: ' ' } });
    expect(one.map((choice) => choice.label)).toEqual([
      'The whole library',
      'The selected item',
      'The open item “Untitled”',
    ]);
  });

  it('starts from the narrowest choice made on purpose, never just the open item', () => {
    expect(defaultScope(everywhere)).toBe('picked');
    expect(defaultScope({ ...everywhere, pickedIds: [] })).toBe('search');
    expect(defaultScope({ ...everywhere, pickedIds: [], query: '  ' })).toBe('tag');
    expect(defaultScope({ ...emptyExportContext, open: everywhere.open })).toBe('all');
  });

  it('turns a scope into the arguments of exportMarkdown', () => {
    const dir = ' /home/reader/out ';
    expect(exportArgs('all', everywhere, dir, true)).toEqual({ dir: '/home/reader/out', prune: true });
    expect(exportArgs('tag', everywhere, dir, false)).toEqual({
      dir: '/home/reader/out',
      prune: false,
      tag: 'sahel/mali',
    });
    expect(exportArgs('search', everywhere, dir, false)).toMatchObject({ query: 'river' });
    expect(exportArgs('picked', everywhere, dir, false)).toMatchObject({ ids: ['a1', 'b2'] });
    expect(exportArgs('open', everywhere, dir, false)).toMatchObject({ ids: ['n1'] });
    // A scope that is not there exports everything rather than nothing.
    expect(exportArgs('tag', emptyExportContext, dir, false)).toEqual({
      dir: '/home/reader/out',
      prune: false,
    });
  });

  it('asks for a full path', () => {
    expect(pathProblem('  ', 'folder')).toBe('Enter the path of a folder.');
    expect(pathProblem('', 'file')).toBe('Enter the path of a file.');
    expect(pathProblem('notes/export', 'folder')).toMatch(/full path of the folder/);
    expect(pathProblem('~/export', 'folder')).toMatch(/full path/);
    expect(pathProblem('/srv/export', 'folder')).toBeNull();
    expect(pathProblem('C:\\Users\\export', 'folder')).toBeNull();
    expect(pathProblem('\\\\server\\share', 'file')).toBeNull();
  });
});
