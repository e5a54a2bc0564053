import type { Command } from './command';

export const openItem: Command = {
  id: 'list.open',
  label: 'Open selected item',
  shortcut: ['Enter'],
  // Enter on a button or a field belongs to that control.
  when: ({ area, hasSelection }) => area === 'list' && hasSelection,
  run: ({ actions }) => actions.openSelected(),
};
