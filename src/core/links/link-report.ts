/**
 * getLinks: an item's outgoing links, its backlinks with the line around each, and the notes that
 * mention it without linking. Backlinks read only the bodies of the notes that link; mentions ask
 * the search index which notes hold the name as a phrase, then read those.
 */
import type { ItemRecord } from '../item-record';
import type { LinkContext, LinkEnd, LinksReport, OutgoingLink } from '../../shared/types';
import type { BodyTextReader } from '../search/body-text';
import type { SearchService } from '../search/search-service';
import type { Store } from '../store';
import type { LinkIndex } from './link-index';
import { findMentions, nameTerms } from './mentions';
import { scanLines } from './wikilink';

const CONTEXT_CHARS = 200;
const SEARCH_PAGE = 200;
// Past this many candidate notes a name is too common to be worth listing every mention of.
const MAX_CANDIDATES = 1_000;
const MAX_MENTIONS = 500;

export interface ReportContext {
  store: Store;
  search: SearchService;
  index: LinkIndex;
  reader: BodyTextReader;
}

export async function linksReport(context: ReportContext, id: string): Promise<LinksReport> {
  const { store, index, reader } = context;
  await index.ready();
  const item = store.require(id);
  const outgoing: OutgoingLink[] = [];
  if (item.type === 'note') {
    for (const line of scanLines(await reader.textOf(item))) {
      for (const { link } of line.links) {
        const target = index.resolve(link.target);
        outgoing.push({ ...link, resolved: target && linkEnd(target), line: line.line });
      }
    }
  }
  return {
    id,
    outgoing,
    backlinks: await backlinks(context, item),
    unresolved: outgoing.filter((link) => link.resolved === null),
    unlinkedMentions: await unlinkedMentions(context, item),
  };
}

async function backlinks({ store, index, reader }: ReportContext, item: ItemRecord): Promise<LinkContext[]> {
  const keys = index.names(item.id).map((name) => name.key);
  const sources = liveNotes(store, index.linkersOf(keys));
  const found = await Promise.all(
    sources.map(async (source) => {
      const contexts: LinkContext[] = [];
      for (const line of scanLines(await reader.textOf(source))) {
        for (const { link, start, end } of line.links) {
          if (index.resolve(link.target)?.id !== item.id) continue;
          const context = around(line.text, start - line.offset, end - line.offset);
          contexts.push({ source: linkEnd(source), context, line: line.line, link });
        }
      }
      return contexts;
    }),
  );
  return found.flat();
}

async function unlinkedMentions(context: ReportContext, item: ItemRecord): Promise<LinkContext[]> {
  const { index, reader } = context;
  const names = index.names(item.id).map((name) => name.name);
  const terms = nameTerms(names);
  if (terms.length === 0) return [];
  const candidates = (await mentionCandidates(context, terms)).filter((note) => note.id !== item.id);
  const found = await Promise.all(
    candidates.map(async (source) => {
      const lines = scanLines(await reader.textOf(source, false));
      const contexts: LinkContext[] = [];
      let lastLine = 0;
      for (const mention of findMentions(lines, terms)) {
        if (mention.line === lastLine) continue;
        lastLine = mention.line;
        const line = lines[mention.line - 1];
        if (!line) continue;
        const text = around(line.text, mention.start - line.offset, mention.end - line.offset);
        contexts.push({ source: linkEnd(source), context: text, line: mention.line });
      }
      return contexts;
    }),
  );
  return found.flat().slice(0, MAX_MENTIONS);
}

/** Notes that may mention one of the names: those the search index finds the phrase in, most recent first. */
async function mentionCandidates({ store, search }: ReportContext, terms: string[][]): Promise<ItemRecord[]> {
  const ids = new Set<string>();
  for (const words of terms) {
    for (let offset = 0; ids.size < MAX_CANDIDATES; offset += SEARCH_PAGE) {
      const query = `"${words.join(' ')}" type:note`;
      const result = await search.search({ query, limit: SEARCH_PAGE, offset });
      // Still building: it would miss notes, so read them all (only until it is built).
      if (result.index.state === 'building') return everyLiveNote(store);
      for (const hit of result.hits) ids.add(hit.id);
      if (result.hits.length < SEARCH_PAGE || offset + SEARCH_PAGE >= result.total) break;
    }
  }
  return liveNotes(store, ids);
}

function everyLiveNote(store: Store): ItemRecord[] {
  const notes = [...store.liveItems()].filter((record) => record.type === 'note');
  return notes.sort(byRecent);
}

/** The notes among `ids` outside the trash, most recently updated first. */
function liveNotes(store: Store, ids: Iterable<string>): ItemRecord[] {
  const notes: ItemRecord[] = [];
  for (const id of ids) {
    const record = store.get(id);
    if (record && record.type === 'note' && record.deleted === null) notes.push(record);
  }
  return notes.sort(byRecent);
}

function byRecent(a: ItemRecord, b: ItemRecord): number {
  return a.updated === b.updated ? (a.id < b.id ? -1 : 1) : a.updated > b.updated ? -1 : 1;
}

export function linkEnd(record: ItemRecord): LinkEnd {
  return { id: record.id, type: record.type, title: record.title };
}

/** The line, trimmed; when long, about CONTEXT_CHARS characters of it around [start, end). */
export function around(line: string, start: number, end: number): string {
  if (line.trim().length <= CONTEXT_CHARS) return line.trim();
  const room = Math.max(0, CONTEXT_CHARS - (end - start));
  let from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(line.length, Math.max(end, from + CONTEXT_CHARS));
  from = Math.max(0, Math.min(from, to - CONTEXT_CHARS));
  const cut = line.slice(from, to).trim();
  return `${from > 0 ? '…' : ''}${cut}${to < line.length ? '…' : ''}`;
}
