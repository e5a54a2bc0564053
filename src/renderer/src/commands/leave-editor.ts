import type { Command } from './command';

export const leaveEditor: Command = {
  id: 'editor.leave',
  label: 'Back to the list',
  shortcut: ['Escape'],
  when: ({ area }) => area === 'editor',
  run: ({ actions }) => actions.leaveEditor(),
};
