/**
 * Readwise's CSV export: one line per highlight, with the columns Highlight, Book Title, Book
 * Author, Amazon Book ID, Note, Color, Tags, Location Type, Location, Highlighted at and Document
 * tags; newer files add the document's URL. The lines of one document (same URL, else same title
 * and author) become one entry. Tags are comma-separated; Readwise's own action tags (`.h1`,
 * `.c1`…, which shape the highlight rather than describe it) are left out.
 */
import { NotebookError } from '../../../shared/errors';
import type { ImportProblem } from '../../../shared/types';
import { byHeader, headerNames, parseCsv } from './csv';
import { splitList, type ParsedExport, type ReadLaterEntry } from './read-later-entry';

/** The columns that may hold the document's address, in order of preference. */
const URL_COLUMNS = ['url', 'source url', 'document url', 'book url'];

export function parseReadwise(text: string): ParsedExport {
  const [header, ...rows] = parseCsv(text);
  const names = headerNames(header?.fields ?? []);
  if (!header || !names.has('highlight') || !names.has('book title')) {
    throw new NotebookError(
      'invalid_argument',
      'This CSV file is not a Readwise export: its first line should name the columns Highlight, Book Title, Book Author, Note, Color and Tags.',
    );
  }
  const byDocument = new Map<string, ReadLaterEntry>();
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const record = byHeader(header.fields, row);
    const title = (record.get('book title') ?? '').trim();
    const author = (record.get('book author') ?? '').trim();
    const url = documentUrl(record);
    if (url === null && title === '') {
      problems.push({
        subject: `line ${row.line}`,
        code: 'no_url',
        message: 'This highlight names neither a document URL nor a book title.',
      });
      continue;
    }
    const key = url ?? `${title}\n${author}`;
    let entry = byDocument.get(key);
    if (!entry) {
      entry = {
        source: `line ${row.line}`,
        url,
        title,
        authors: author === '' ? [] : [author],
        tags: [],
        highlights: [],
      };
      byDocument.set(key, entry);
    }
    entry.tags.push(...readwiseTags(record.get('document tags')), ...readwiseTags(record.get('tags')));
    const quote = record.get('highlight') ?? '';
    if (quote.trim() === '') continue;
    const color = (record.get('color') ?? '').trim().toLowerCase();
    entry.highlights.push({
      quote,
      comment: (record.get('note') ?? '').trim(),
      ...(color === '' ? {} : { color }),
    });
  }
  return { entries: [...byDocument.values()], problems };
}

function documentUrl(record: Map<string, string>): string | null {
  for (const column of URL_COLUMNS) {
    const value = (record.get(column) ?? '').trim();
    // A readwise.io link opens the highlight in Readwise, not the document.
    if (value !== '' && !/^https?:\/\/(?:[a-z0-9-]+\.)*readwise\.io\//i.test(value)) return value;
  }
  return null;
}

function readwiseTags(text: string | undefined): string[] {
  return splitList(text, ',').filter((tag) => !tag.startsWith('.'));
}
