import type { Command } from './command';

export const newNote: Command = {
  id: 'note.new',
  label: 'New note',
  shortcut: ['Mod+N'],
  when: () => true,
  run: ({ actions }) => actions.newNote(),
};
