import type { Command } from './command';
import { listMayMove } from './list-may-move';

export const previousItem: Command = {
  id: 'list.previous',
  label: 'Previous item',
  shortcut: ['K', 'ArrowUp'],
  when: listMayMove,
  run: ({ actions }) => actions.selectPrevious(),
};
