/** Telling which read-it-later export a file is from its content (its name is only a hint a person chose). */
import { NotebookError } from '../../../shared/errors';
import type { ReadLaterFormat } from '../../../shared/types';
import { parseCsv } from './csv';
import { isZip } from './zip';

export function detectFormat(bytes: Uint8Array): ReadLaterFormat {
  if (isZip(bytes)) return 'omnivore';
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return 'wallabag';
  if (start.startsWith('<')) return 'pocket-html';
  const header = parseFirstLine(start);
  if (header.has('highlight') && header.has('book title')) return 'readwise';
  if (header.has('url') && (header.has('time_added') || header.has('title'))) return 'pocket-csv';
  throw new NotebookError(
    'invalid_argument',
    'This file is not a read-it-later export Commonplace knows: Pocket (HTML or CSV), Omnivore (zip), Wallabag (JSON) or Readwise (CSV).',
  );
}

function parseFirstLine(text: string): Set<string> {
  const end = text.search(/\r?\n/);
  try {
    const [row] = parseCsv(end === -1 ? text : text.slice(0, end));
    return new Set((row?.fields ?? []).map((name) => name.trim().toLowerCase()));
  } catch {
    return new Set();
  }
}
