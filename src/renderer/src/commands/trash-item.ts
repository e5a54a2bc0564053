import type { Command } from './command';

export const moveToTrash: Command = {
  id: 'item.trash',
  label: 'Move to trash',
  shortcut: ['Mod+Backspace'],
  // In a text field Mod+Backspace deletes text (a word, or to the line start on macOS).
  when: ({ typing, view, hasTrashTarget }) => !typing && view !== 'trash' && hasTrashTarget,
  run: ({ actions }) => actions.trashCurrent(),
};
