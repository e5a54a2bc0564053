import { describe, expect, it } from 'vitest';
import type { Command, CommandContext } from '../../commands';
import { availableCommands, matchCommands, matchScore } from './palette-match';

const command = (id: string, label: string, shortcut: string[], when = (): boolean => true): Command => ({
  id,
  label,
  shortcut,
  when,
  run: () => undefined,
});

const context = { typing: false, area: 'list' } as unknown as CommandContext;

describe('availableCommands', () => {
  it('keeps what can run here, once per name, with every shortcut of that name', () => {
    const entries = availableCommands(
      [
        command('new', 'New note', ['Mod+N']),
        command('search', 'Search', ['Mod+F']),
        command('search-slash', 'Search', ['/']),
        command('cite', 'Cite…', [], () => false),
      ],
      context,
    );
    expect(entries.map((e) => [e.command.id, e.shortcut])).toEqual([
      ['new', ['Mod+N']],
      ['search', ['Mod+F', '/']],
    ]);
  });
});

describe('matchScore', () => {
  it('prefers the start of the name, then the start of a word, then letters in order', () => {
    expect(matchScore('Export…', 'exp')).toBe(0);
    expect(matchScore('Move to trash', 'trash')).toBe(1);
    expect(matchScore('Copy as Markdown', 'cpmd')).toBe(3);
    expect(matchScore('New note', 'xyz')).toBeNull();
    expect(matchScore('New note', '')).toBe(0);
  });

  it('ignores case and accents, and takes several words', () => {
    expect(matchScore('Paramètres', 'PARAMETRES')).toBe(0);
    expect(matchScore('Undo move to trash', 'undo trash')).toBe(1);
    expect(matchScore('Undo move to trash', 'trash undo')).toBe(1);
  });
});

describe('matchCommands', () => {
  it('lists the best matches first, in the registry order among equals', () => {
    const entries = availableCommands(
      [
        command('trash', 'Move to trash', ['Mod+Backspace']),
        command('undo', 'Undo move to trash', ['Mod+Z']),
        command('export', 'Export…', ['Mod+E']),
        command('tidy', 'Tidy the list', []),
      ],
      context,
    );
    expect(matchCommands(entries, 't').map((e) => e.command.id)).toEqual(['tidy', 'trash', 'undo', 'export']);
    expect(matchCommands(entries, 'trash').map((e) => e.command.id)).toEqual(['trash', 'undo']);
    expect(matchCommands(entries, '').map((e) => e.command.id)).toEqual(['trash', 'undo', 'export', 'tidy']);
  });
});
