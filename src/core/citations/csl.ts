/**
 * One item as a CSL-JSON item (the citeproc format Zotero, Zettlr and Pandoc read): from the
 * clip's citation fields first, its page metadata after. A note is a 'document' by its title.
 */
import type { Clip, Item, Note } from '../../shared/types';
import { splitName, type CslName } from './names';

export interface CslDate {
  'date-parts': [number[]];
}

/** The CSL-JSON fields Commonplace writes; absent ones are unknown. */
export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  ISSN?: string;
  ISBN?: string;
  URL?: string;
  issued?: CslDate;
  accessed?: CslDate;
  language?: string;
}

// The item types of CSL 1.0.2.
const CSL_TYPES = new Set([
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
]);

export function isCslType(type: string | undefined): type is string {
  return type !== undefined && CSL_TYPES.has(type);
}

/** The item without its id: the citation key is chosen once every item is known. */
export function cslItem(item: Item): Omit<CslItem, 'id'> {
  return item.type === 'note' ? noteItem(item) : clipItem(item);
}

function clipItem(clip: Clip): Omit<CslItem, 'id'> {
  const citation = clip.citation ?? {};
  const type = isCslType(citation.type)
    ? citation.type
    : citation.journal !== undefined || citation.doi !== undefined
      ? 'article-journal'
      : 'webpage';
  const authors = clip.authors.map(splitName).filter((name) => !('literal' in name) || name.literal !== '');
  const pages = [citation.firstPage, citation.lastPage].filter((page) => nonEmpty(page) !== undefined);
  const fields: Omit<CslItem, 'id'> = {
    type,
    title: nonEmpty(clip.title),
    author: authors.length === 0 ? undefined : authors,
    'container-title': nonEmpty(citation.journal) ?? nonEmpty(clip.siteName),
    publisher: nonEmpty(citation.publisher),
    volume: nonEmpty(citation.volume),
    issue: nonEmpty(citation.issue),
    page: pages.length === 0 ? undefined : [...new Set(pages)].join('-'),
    DOI: nonEmpty(citation.doi),
    ISSN: nonEmpty(citation.issn),
    ISBN: nonEmpty(citation.isbn),
    URL: nonEmpty(clip.canonicalUrl) ?? nonEmpty(clip.url),
    issued: cslDate(clip.published),
    accessed: cslDate(clip.clipped),
    language: nonEmpty(clip.lang),
  };
  return withoutUndefined(fields);
}

function noteItem(note: Note): Omit<CslItem, 'id'> {
  return withoutUndefined({ type: 'document', title: nonEmpty(note.title), issued: cslDate(note.created) });
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a timestamp's date part) as CSL date parts. */
export function cslDate(value: string | null): CslDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value ?? '');
  if (!match) return undefined;
  const parts = match
    .slice(1)
    .filter((part): part is string => part !== undefined)
    .map(Number);
  const [, month = 1, day = 1] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return { 'date-parts': [parts.slice(0, 1)] };
  return { 'date-parts': [parts] };
}

function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
