/** The link methods: an item's links, `[[` completion, renaming with link rewriting, linking a mention. */
import type { Args, NotebookApi } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import { displayTitle, readItem, refuseTrashed } from '../item-read';
import { noteMethods } from '../note-methods';
import { BodyTextReader } from '../search/body-text';
import type { SearchService } from '../search/search-service';
import type { Store } from '../store';
import { completeLinks } from './complete';
import { LinkIndex } from './link-index';
import { linksReport } from './link-report';
import { findMentions, nameTerms } from './mentions';
import { renameItem } from './rename';
import { scanLines, unlinkableCharacters } from './wikilink';

export interface LinkContext {
  store: Store;
  search: SearchService;
  now: () => string;
  newId: () => string;
}

type LinkMethods = Pick<NotebookApi, 'renameItem' | 'getLinks' | 'completeLinks' | 'linkMention'>;

export function linkMethods(context: LinkContext): LinkMethods {
  const { store, search } = context;
  const index = new LinkIndex(store);
  const reader = new BodyTextReader(store);
  const { updateNote } = noteMethods(context);
  return {
    renameItem: (args: Args<'renameItem'>) => renameItem({ store, index, now: context.now }, args),

    getLinks: ({ id }: Args<'getLinks'>) => linksReport({ store, search, index, reader }, id),

    async completeLinks({ query, limit }: Args<'completeLinks'>) {
      await index.ready();
      return { candidates: completeLinks(store, index, query, limit) };
    },

    async linkMention({ noteId, targetId, line }: Args<'linkMention'>) {
      await index.ready();
      const note = store.require(noteId);
      const target = store.require(targetId);
      if (note.type !== 'note')
        throw new NotebookError(
          'invalid_argument',
          `"${displayTitle(note)}" is a clip: only notes hold links.`,
        );
      refuseTrashed(note, 'edit');
      refuseTrashed(target, 'link to');
      // The name the link is written with: the title, or an alias if another item has taken the title.
      const names = index.names(targetId).filter((name) => index.resolve(name.name)?.id === targetId);
      const name = names.find((n) => unlinkableCharacters(n.name).length === 0)?.name;
      if (name === undefined) {
        throw new NotebookError(
          'conflict',
          `"${displayTitle(target)}" cannot be linked by its title: another item answers to it, or it holds [ ] | # ^. Rename it first.`,
        );
      }
      const item = await readItem(store, note);
      const body = item.type === 'note' ? item.body : '';
      const terms = nameTerms(index.names(targetId).map((n) => n.name));
      const mention = findMentions(scanLines(body), terms).find((m) => line === undefined || m.line === line);
      if (!mention) {
        const where = line === undefined ? '' : ` on line ${line}`;
        throw new NotebookError(
          'not_found',
          `"${displayTitle(note)}" does not mention "${displayTitle(target)}"${where} outside a link.`,
        );
      }
      const link = mention.text === name ? `[[${name}]]` : `[[${name}|${mention.text}]]`;
      const linked = body.slice(0, mention.start) + link + body.slice(mention.end);
      return updateNote({ id: noteId, body: linked, baseRev: item.rev });
    },
  };
}
