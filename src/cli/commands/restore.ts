import type { Command } from '../command';
import { call } from '../library';
import { displayTitle, emit } from '../output';

export const restore: Command = {
  words: ['restore'],
  summary: 'Bring an item back from the trash.',
  usage: 'restore ID [--json]',
  details: ['ID               The item id.', '--json           Print the ItemSummary of the restored item.'],
  options: {},
  positionals: { min: 1, max: 1 },
  async run(context) {
    const id = context.positionals[0] ?? '';
    const summary = await context.withNotebook((notebook) => call(notebook, 'restoreItem', { id }));
    emit(context, summary, () => `Restored ${summary.id} "${displayTitle(summary.title)}".`);
    return 0;
  },
};
