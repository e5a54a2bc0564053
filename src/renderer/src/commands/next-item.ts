import type { Command } from './command';
import { listMayMove } from './list-may-move';

export const nextItem: Command = {
  id: 'list.next',
  label: 'Next item',
  shortcut: ['J', 'ArrowDown'],
  when: listMayMove,
  run: ({ actions }) => actions.selectNext(),
};
