import type { Command } from './command';

export const showHighlights: Command = {
  id: 'view.highlights',
  label: 'Show highlights',
  shortcut: [],
  when: () => true,
  run: ({ actions }) => actions.showHighlights(),
};
