import type { Command } from './command';

export const openPalette: Command = {
  id: 'app.palette',
  label: 'Command palette',
  shortcut: ['Mod+K'],
  when: ({ openPalette }) => openPalette !== undefined,
  run: (context) => context.openPalette?.(context),
};
