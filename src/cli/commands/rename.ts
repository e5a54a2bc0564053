import type { ApiResults } from '../../shared/api';
import type { Command } from '../command';
import { call } from '../library';
import { flag } from '../option-values';
import { displayTitle, emit, plural } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'rename';

export const rename: Command = {
  words: ['rename'],
  summary: 'Give a note or clip a new title and update every [[link]] to it.',
  usage: 'rename ID TITLE... [--dry-run] [--json]',
  details: [
    'ID               The item id.',
    'TITLE            The new title (several words are joined with spaces). It cannot',
    '                 contain [ ] | # ^, which have a meaning inside [[links]].',
    '                 Links keep their #heading, #^highlight and |shown text; links',
    "                 written with one of the item's aliases are left as they are.",
    '--dry-run        Only count the notes and links that would change.',
    '--json           Print { item, notesChanged, linksChanged, dryRun }.',
  ],
  options: { 'dry-run': { type: 'boolean' } },
  positionals: { min: 2, max: Number.MAX_SAFE_INTEGER },
  async run(context) {
    const [id = '', ...words] = context.positionals;
    const title = words.join(' ').trim();
    if (title === '') throw new UsageError('The new title is empty.', NAME);
    const dryRun = flag(context.values, 'dry-run');
    const result = await context.withNotebook((notebook) =>
      call(notebook, 'renameItem', { id, title, dryRun }),
    );
    emit(context, result, () => renderResult(result, title));
    return 0;
  },
};

function renderResult(result: ApiResults['renameItem'], title: string): string {
  const { item, notesChanged, linksChanged, dryRun } = result;
  const links = `${plural(linksChanged, 'link')} in ${plural(notesChanged, 'note')}`;
  if (dryRun)
    return `Renaming ${item.id} "${displayTitle(item.title)}" to "${title}" would update ${links} (nothing changed).`;
  return `Renamed ${item.id} to "${displayTitle(item.title)}"; updated ${links}.`;
}
