/**
 * Wallabag's JSON export: an array of entries, each with title, url, content (the article's
 * HTML), tags (labels as strings; the API's `{label}` objects are read too), annotations
 * (`{quote, text, ranges…}`: the highlighted passage and the note on it), published_by (authors),
 * created_at, is_archived, is_starred…
 */
import { NotebookError } from '../../../shared/errors';
import type { ImportProblem } from '../../../shared/types';
import { isObject } from '../../json-shape';
import type { ParsedExport, ReadLaterEntry, SavedHighlight } from './read-later-entry';

export function parseWallabag(text: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    throw new NotebookError('invalid_argument', 'This file is not valid JSON, so not a Wallabag export.');
  }
  if (!Array.isArray(data)) {
    throw new NotebookError(
      'invalid_argument',
      'This JSON file is not a Wallabag export: it should be a list of entries, each with a url.',
    );
  }
  const entries: ReadLaterEntry[] = [];
  const problems: ImportProblem[] = [];
  data.forEach((raw: unknown, index) => {
    const source = `entry ${index + 1}`;
    if (!isObject(raw) || typeof raw.url !== 'string' || raw.url.trim() === '') {
      problems.push({ subject: source, code: 'no_url', message: 'This entry has no url.' });
      return;
    }
    entries.push({
      source,
      url: raw.url.trim(),
      title: typeof raw.title === 'string' ? raw.title.trim() : '',
      authors: strings(raw.published_by),
      tags: tagLabels(raw.tags),
      ...(typeof raw.content === 'string' && raw.content.trim() !== '' ? { html: raw.content } : {}),
      highlights: annotations(raw.annotations),
    });
  });
  return { entries, problems };
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    : [];
}

function tagLabels(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((tag: unknown) => {
    if (typeof tag === 'string') return [tag];
    if (isObject(tag) && typeof tag.label === 'string') return [tag.label];
    return [];
  });
}

function annotations(value: unknown): SavedHighlight[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((annotation: unknown) => {
    if (!isObject(annotation) || typeof annotation.quote !== 'string' || annotation.quote.trim() === '')
      return [];
    const comment = typeof annotation.text === 'string' ? annotation.text.trim() : '';
    return [{ quote: annotation.quote, comment }];
  });
}
