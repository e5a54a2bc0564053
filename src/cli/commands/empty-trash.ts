import type { Command } from '../command';
import { call } from '../library';
import { flag } from '../option-values';
import { emit, plural } from '../output';
import { UsageError } from '../usage-error';

export const emptyTrash: Command = {
  words: ['empty-trash'],
  summary: 'Delete every item in the trash for good.',
  usage: 'empty-trash --yes [--json]',
  details: [
    '--yes            Required: confirms that the trash is deleted for good.',
    '--json           Print { purged }.',
  ],
  options: { yes: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(context) {
    // Irreversible: never on a bare command, so a stray history recall cannot do it.
    if (!flag(context.values, 'yes')) {
      throw new UsageError('empty-trash deletes the trash for good; add --yes to confirm.', 'empty-trash');
    }
    const result = await context.withNotebook((notebook) => call(notebook, 'emptyTrash', {}));
    emit(context, result, () => `Deleted ${plural(result.purged, 'item')} from the trash for good.`);
    return 0;
  },
};
