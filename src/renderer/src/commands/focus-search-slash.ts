import type { Command } from './command';

export const focusSearchSlash: Command = {
  id: 'search.focus-slash',
  label: 'Search',
  shortcut: ['/'],
  // A slash typed in a field is a slash.
  when: ({ typing }) => !typing,
  run: ({ actions }) => actions.focusSearch(),
};
