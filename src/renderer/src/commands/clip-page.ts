import type { Command } from './command';

export const clipPage: Command = {
  id: 'clip.open',
  label: 'Clip a web page',
  shortcut: ['Mod+Shift+V'],
  // In a text field Mod+Shift+V pastes without formatting; that stays the field's.
  when: ({ typing }) => !typing,
  run: ({ actions }) => actions.clipPage(),
};
