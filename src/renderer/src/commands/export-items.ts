import type { Command } from './command';

export const exportItems: Command = {
  id: 'transfer.export',
  label: 'Export…',
  shortcut: ['Mod+E'],
  when: ({ transfer }) => transfer !== undefined,
  run: ({ transfer }) => transfer?.openExport(),
};
