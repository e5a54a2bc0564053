/** importReadLater: Pocket, Omnivore, Wallabag and Readwise exports into clips with their highlights. */
import { readFile, stat } from 'node:fs/promises';
import type { Args } from '../../../shared/api';
import { NotebookError } from '../../../shared/errors';
import type { ImportSummary, ReadLaterFormat } from '../../../shared/types';
import { yieldToLoop } from '../../event-loop';
import type { ApiContext } from '../../notebook-api';
import { detectFormat } from './detect-format';
import { importEntry } from './import-entry';
import { parseOmnivore } from './omnivore';
import { parsePocketCsv, parsePocketHtml } from './pocket';
import type { ParsedExport } from './read-later-entry';
import { parseReadwise } from './readwise';
import { parseWallabag } from './wallabag';

/** Larger files are refused before reading. */
export const MAX_EXPORT_BYTES = 200 * 1024 * 1024;

export async function importReadLaterFile(
  context: ApiContext,
  { file, format, fetch }: Args<'importReadLater'>,
): Promise<ImportSummary> {
  const started = performance.now();
  const bytes = await readExport(file);
  const parsed = parseExport(format ?? detectFormat(bytes), bytes);
  const summary: ImportSummary = {
    source: file,
    created: 0,
    merged: 0,
    skipped: 0,
    highlights: 0,
    attachments: 0,
    problems: [...parsed.problems],
    items: [],
    tookMs: 0,
  };
  const total = parsed.entries.length;
  const progress = (done: number, message: string): void =>
    context.store.emit({ type: 'progress', job: 'import', done, total, message });
  progress(0, `Importing ${total} ${total === 1 ? 'entry' : 'entries'}`);
  for (const [index, entry] of parsed.entries.entries()) {
    await yieldToLoop();
    try {
      const result = await importEntry(context, entry, fetch);
      summary.problems.push(...result.problems);
      summary.highlights += result.highlights;
      summary.attachments += result.attachments;
      if (result.item === null) summary.skipped++;
      else {
        summary.items.push(result.item);
        summary[result.item.outcome]++;
      }
    } catch (error) {
      summary.skipped++;
      summary.problems.push({
        subject: entry.url ?? entry.source,
        code: 'not_imported',
        message: error instanceof NotebookError ? error.message : 'Something went wrong inside Commonplace.',
      });
    }
    progress(index + 1, entry.title === '' ? (entry.url ?? entry.source) : entry.title);
  }
  summary.tookMs = Math.round(performance.now() - started);
  return summary;
}

async function readExport(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile())
      throw new NotebookError('invalid_argument', `${file} is a folder, not an export file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    throw new NotebookError('not_found', `There is no file at ${file}.`);
  }
  if (size > MAX_EXPORT_BYTES) {
    throw new NotebookError(
      'too_large',
      `${file} is ${Math.round(size / 1024 / 1024)} MB; exports over ${MAX_EXPORT_BYTES / 1024 / 1024} MB are refused.`,
    );
  }
  return new Uint8Array(await readFile(file));
}

export function parseExport(format: ReadLaterFormat, bytes: Uint8Array): ParsedExport {
  switch (format) {
    case 'omnivore':
      return parseOmnivore(bytes);
    case 'pocket-html':
      return parsePocketHtml(utf8(bytes));
    case 'pocket-csv':
      return parsePocketCsv(utf8(bytes));
    case 'wallabag':
      return parseWallabag(utf8(bytes));
    case 'readwise':
      return parseReadwise(utf8(bytes));
  }
}

function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new NotebookError(
      'invalid_argument',
      'This export is not UTF-8 text, which every supported format is.',
    );
  }
}
