import type { Command, CommandContext } from '../command';
import { call } from '../library';
import { flag } from '../option-values';
import { emit, formatTags, plural } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'tag';

/** The words that act on a tag everywhere; anything else in first place is an item id. */
const EVERYWHERE = ['rename', 'merge', 'delete'] as const;
type Everywhere = (typeof EVERYWHERE)[number];
const isEverywhere = (word: string | undefined): word is Everywhere =>
  (EVERYWHERE as readonly (string | undefined)[]).includes(word);

function expectArgs(args: readonly string[], count: number, what: string): void {
  if (args.length !== count) throw new UsageError(what, NAME);
}

async function tagEverywhere(context: CommandContext, action: Everywhere, args: string[]): Promise<number> {
  if (action === 'rename') {
    expectArgs(args, 2, 'Say the tag to rename and its new name: tag rename OLD NEW.');
    const [from = '', to = ''] = args;
    const result = await context.withNotebook((notebook) => call(notebook, 'renameTag', { from, to }));
    emit(context, result, () => `Renamed #${from} to #${to} on ${plural(result.changed, 'item')}.`);
    return 0;
  }
  if (action === 'merge') {
    expectArgs(args, 2, 'Say the tag to merge and the tag it goes into: tag merge FROM INTO.');
    const [from = '', into = ''] = args;
    const result = await context.withNotebook((notebook) => call(notebook, 'mergeTags', { from, into }));
    emit(context, result, () => `Merged #${from} into #${into} on ${plural(result.changed, 'item')}.`);
    return 0;
  }
  expectArgs(args, 1, 'Say which one tag to delete: tag delete TAG --yes.');
  const [tag = ''] = args;
  // It touches every item carrying the tag: never on a bare command.
  if (!flag(context.values, 'yes')) {
    throw new UsageError(
      `tag delete removes #${tag} and the tags under it from every item; add --yes to confirm.`,
      NAME,
    );
  }
  const result = await context.withNotebook((notebook) => call(notebook, 'deleteTag', { tag }));
  emit(context, result, () => `Removed #${tag} from ${plural(result.changed, 'item')}.`);
  return 0;
}

export const tag: Command = {
  words: ['tag'],
  summary: 'Add or remove tags on an item; rename, merge or delete a tag on every item.',
  usage: [
    'tag ID add|remove TAG... [--json]',
    '       commonplace tag rename OLD NEW [--json]',
    '       commonplace tag merge FROM INTO [--json]',
    '       commonplace tag delete TAG --yes [--json]',
  ].join('\n'),
  details: [
    'ID               The item id.',
    'add|remove       Whether to add or remove the tags that follow.',
    'TAG...           One or more tags (a leading # is dropped; a/b nests b under a).',
    'rename OLD NEW   Rename OLD and the tags nested under it (OLD/x becomes NEW/x) on every',
    '                 item, trash included; if NEW exists already, the two are merged.',
    'merge FROM INTO  Merge FROM and the tags nested under it into INTO on every item.',
    'delete TAG       Remove TAG and the tags nested under it from every item.',
    '--yes            Required by delete: confirms the tag goes from every item.',
    '--json           Print the changed Item (add|remove), or { changed } (rename, merge, delete).',
  ],
  options: { yes: { type: 'boolean' } },
  positionals: { min: 2, max: Infinity },
  async run(context) {
    const [first, ...rest] = context.positionals;
    if (isEverywhere(first)) return tagEverywhere(context, first, rest);
    const [id = '', action, ...tags] = context.positionals;
    if (action !== 'add' && action !== 'remove') {
      throw new UsageError(`Say "add" or "remove" after the id, not "${action ?? ''}".`, NAME);
    }
    if (tags.length === 0) throw new UsageError(`Say which tags to ${action}.`, NAME);
    const item = await context.withNotebook((notebook) =>
      call(notebook, 'tagItem', action === 'add' ? { id, add: tags } : { id, remove: tags }),
    );
    emit(context, item, () =>
      item.tags.length === 0 ? `${item.id} has no tags.` : `${item.id} tags: ${formatTags(item.tags)}`,
    );
    return 0;
  },
};
