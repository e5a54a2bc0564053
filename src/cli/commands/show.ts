import type { Item } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { columns, displayTitle, emit, formatTags } from '../output';

export const show: Command = {
  words: ['show'],
  summary: 'Show one item with its body.',
  usage: 'show ID [--json]',
  details: ['ID               The item id (as `list` prints it).', '--json           Print the Item.'],
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const id = context.positionals[0] ?? '';
    const item = await context.withNotebook((notebook) => call(notebook, 'getItem', { id }));
    emit(context, item, () => renderItem(item));
    return 0;
  },
};

function renderItem(item: Item): string {
  const fields = [
    ['id:', item.id],
    ['tags:', item.tags.length === 0 ? '(none)' : formatTags(item.tags)],
    ['created:', item.created],
    ['updated:', item.updated],
  ];
  if (item.deleted !== null) fields.push(['in trash since:', item.deleted]);
  const head = `${displayTitle(item.title)}\n${columns(fields)}`;
  return item.body === '' ? head : `${head}\n\n${item.body}`;
}
