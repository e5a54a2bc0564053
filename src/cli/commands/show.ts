import type { Clip, Item } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { columns, displayTitle, emit, formatTags } from '../output';

export const show: Command = {
  words: ['show'],
  summary: 'Show one item: a note with its body, a clip with its metadata and article (Markdown).',
  usage: 'show ID [--json]',
  details: [
    'ID               The item id (as `list` prints it).',
    '--json           Print the Item (a Note or a Clip).',
  ],
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
    ...(item.type === 'clip' ? clipFields(item) : []),
    ['tags:', item.tags.length === 0 ? '(none)' : formatTags(item.tags)],
    ['created:', item.created],
    ['updated:', item.updated],
  ];
  if (item.deleted !== null) fields.push(['in trash since:', item.deleted]);
  const head = `${displayTitle(item.title)}\n${columns(fields)}`;
  const body = item.type === 'note' ? item.body : item.markdown;
  return body === '' ? head : `${head}\n\n${body}`;
}

function clipFields(clip: Clip): string[][] {
  const fields = [['url:', clip.url]];
  if (clip.canonicalUrl !== '' && clip.canonicalUrl !== clip.url)
    fields.push(['canonical:', clip.canonicalUrl]);
  if (clip.siteName !== null) fields.push(['site:', clip.siteName]);
  if (clip.authors.length > 0) fields.push(['by:', clip.authors.join(', ')]);
  if (clip.published !== null) fields.push(['published:', clip.published]);
  if (clip.lang !== null) fields.push(['language:', clip.lang]);
  fields.push(['clipped:', clip.clipped]);
  const failed = clip.images.filter((image) => image.asset === null).length;
  if (clip.images.length > 0) {
    const kept = `${clip.images.length - failed} of ${clip.images.length} kept`;
    fields.push(['images:', kept]);
  }
  if (clip.suggestedTags.length > 0) fields.push(['suggested tags:', formatTags(clip.suggestedTags)]);
  return fields;
}
