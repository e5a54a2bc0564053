import type { Command } from './command';

export const openSettings: Command = {
  id: 'app.settings',
  label: 'Settings…',
  shortcut: ['Mod+,'],
  when: ({ openSettings }) => openSettings !== undefined,
  run: ({ openSettings }) => openSettings?.(),
};
