import type { Command } from './command';

export const focusSearch: Command = {
  id: 'search.focus',
  label: 'Search',
  shortcut: ['Mod+F'],
  // Everywhere, the editor included: the app's search finds more than the page's text.
  when: () => true,
  run: ({ actions }) => actions.focusSearch(),
};
