import type { Command } from './command';

export const undoTrash: Command = {
  id: 'item.undo-trash',
  label: 'Undo move to trash',
  shortcut: ['Mod+Z'],
  // In a text field Mod+Z undoes typing.
  when: ({ typing, canUndoTrash }) => !typing && canUndoTrash,
  run: ({ actions }) => actions.undoTrash(),
};
