import type { Command } from '../command';
import { call } from '../library';
import { emit, formatTags } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'tag';

export const tag: Command = {
  words: ['tag'],
  summary: 'Add or remove tags on an item.',
  usage: 'tag ID add|remove TAG... [--json]',
  details: [
    'ID               The item id.',
    'add|remove       Whether to add or remove the tags that follow.',
    'TAG...           One or more tags (a leading # is dropped; a/b nests b under a).',
    '--json           Print the changed Item.',
  ],
  options: {},
  positionals: { min: 3, max: Infinity },
  async run(context) {
    const [id = '', action, ...tags] = context.positionals;
    if (action !== 'add' && action !== 'remove') {
      throw new UsageError(`Say "add" or "remove" after the id, not "${action ?? ''}".`, NAME);
    }
    const item = await context.withNotebook((notebook) =>
      call(notebook, 'tagItem', action === 'add' ? { id, add: tags } : { id, remove: tags }),
    );
    emit(context, item, () =>
      item.tags.length === 0 ? `${item.id} has no tags.` : `${item.id} tags: ${formatTags(item.tags)}`,
    );
    return 0;
  },
};
