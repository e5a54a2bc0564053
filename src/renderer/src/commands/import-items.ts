import type { Command } from './command';

export const importItems: Command = {
  id: 'transfer.import',
  label: 'Import…',
  shortcut: [],
  when: ({ transfer }) => transfer !== undefined,
  run: ({ transfer }) => transfer?.openImport(),
};
