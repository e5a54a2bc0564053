import type { Command } from './command';

export const citeItems: Command = {
  id: 'item.cite',
  label: 'Cite…',
  shortcut: [],
  when: ({ transfer }) => Boolean(transfer?.cite),
  run: ({ transfer }) => transfer?.cite?.(),
};
