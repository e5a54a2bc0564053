import type { Command } from './command';

export const leaveSearch: Command = {
  id: 'search.leave',
  label: 'Leave search',
  shortcut: ['Escape'],
  // From the box or the results; in the editor Esc first goes back to the results.
  when: ({ searching, area }) => searching && area !== 'editor',
  run: ({ actions }) => actions.leaveSearch(),
};
