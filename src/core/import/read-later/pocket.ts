/**
 * Pocket's two exports. The HTML one (ril_export.html) lists links under "Unread" and "Read
 * Archive": `<li><a href="…" time_added="…" tags="a,b">title</a></li>`. The CSV one (the zipped
 * export Pocket mailed out at the end) has the columns title, url, time_added, tags, status (some
 * files also a cursor), with tags separated by `|`. Neither carries highlights or article text.
 */
import { NotebookError } from '../../../shared/errors';
import type { ImportProblem } from '../../../shared/types';
import { all, parseDocument, textOf } from '../../clipper/dom';
import { byHeader, headerNames, parseCsv } from './csv';
import { splitList, type ParsedExport, type ReadLaterEntry } from './read-later-entry';

export function parsePocketHtml(html: string): ParsedExport {
  const document = parseDocument(html);
  const links = all(document, 'li > a[href]');
  if (links.length === 0 && !/<a\s[^>]*\btime_added=/i.test(html)) {
    throw new NotebookError(
      'invalid_argument',
      'This HTML file is not a Pocket export: it has no list of saved links (<li><a href="…">).',
    );
  }
  const entries: ReadLaterEntry[] = links.map((link, index) => {
    const url = (link.getAttribute('href') ?? '').trim();
    return {
      source: `link ${index + 1}`,
      url,
      title: textOf(link),
      authors: [],
      tags: splitList(link.getAttribute('tags') ?? '', ','),
      highlights: [],
    };
  });
  return { entries, problems: [] };
}

export function parsePocketCsv(text: string): ParsedExport {
  const [header, ...rows] = parseCsv(text);
  const names = headerNames(header?.fields ?? []);
  if (!header || !names.has('url') || !names.has('title')) {
    throw new NotebookError(
      'invalid_argument',
      'This CSV file is not a Pocket export: its first line should name the columns title, url, time_added, tags and status.',
    );
  }
  const entries: ReadLaterEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const record = byHeader(header.fields, row);
    const url = (record.get('url') ?? '').trim();
    if (url === '') {
      problems.push({ subject: `line ${row.line}`, code: 'no_url', message: 'This line has no URL.' });
      continue;
    }
    entries.push({
      source: `line ${row.line}`,
      url,
      title: (record.get('title') ?? '').trim(),
      authors: [],
      tags: splitList(record.get('tags'), '|'),
      highlights: [],
    });
  }
  return { entries, problems };
}
