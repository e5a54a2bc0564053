import type { Command } from '../command';
import { call } from '../library';
import { displayTitle, emit } from '../output';

export const deleteItem: Command = {
  words: ['delete'],
  summary: 'Move an item to the trash (restore brings it back).',
  usage: 'delete ID [--json]',
  details: ['ID               The item id.', '--json           Print the ItemSummary of the trashed item.'],
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const id = context.positionals[0] ?? '';
    const summary = await context.withNotebook((notebook) => call(notebook, 'trashItem', { id }));
    emit(context, summary, () => `Moved ${summary.id} "${displayTitle(summary.title)}" to the trash.`);
    return 0;
  },
};
