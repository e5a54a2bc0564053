import type { Command } from './command';

export const copyMarkdown: Command = {
  id: 'item.copy-markdown',
  label: 'Copy as Markdown',
  shortcut: [],
  when: ({ transfer }) => Boolean(transfer?.copyMarkdown),
  run: ({ transfer }) => transfer?.copyMarkdown?.(),
};
