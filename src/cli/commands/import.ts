import path from 'node:path';
import type { ImportSummary, ReadLaterFormat } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { flag, singleString } from '../option-values';
import { emit, plural } from '../output';
import { UsageError } from '../usage-error';
import { showProgress } from '../progress-line';

const NAME = 'import';
const FORMATS: readonly ReadLaterFormat[] = ['pocket-html', 'pocket-csv', 'omnivore', 'wallabag', 'readwise'];
const isFormat = (value: string): value is ReadLaterFormat => (FORMATS as readonly string[]).includes(value);

export const importCommand: Command = {
  words: ['import'],
  summary:
    'Import a folder of Markdown files (an Obsidian vault, a Commonplace export) or a read-it-later export.',
  usage: [
    'import DIR [--json]',
    `       commonplace import --from ${FORMATS.join('|')} FILE [--no-fetch] [--json]`,
  ].join('\n'),
  details: [
    'DIR              A folder of Markdown files: each becomes a note (a clip, for a Commonplace',
    "                 export's clip files), with its front matter, [[links]] and attachments.",
    '                 Hidden folders (.obsidian, .trash) are left out; nothing outside DIR is read.',
    '--from FORMAT    FILE is a read-it-later export: pocket-html, pocket-csv, omnivore (the zip),',
    '                 wallabag (JSON) or readwise (CSV). Each address becomes a clip.',
    '--no-fetch       With --from: do not fetch the pages; keep link-only clips with any saved text.',
    '--json           Print the ImportSummary: counts, problems and each item with its outcome.',
    'Never overwrites: an item already in the library gets the new tags and highlights, or is skipped.',
  ],
  options: { from: { type: 'string' }, 'no-fetch': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const source = path.resolve(context.positionals[0] ?? '');
    const from = singleString(context.values, 'from', NAME);
    if (from !== undefined && !isFormat(from))
      throw new UsageError(`--from must be one of ${FORMATS.join(', ')}, not "${from}".`, NAME);
    if (from === undefined && flag(context.values, 'no-fetch'))
      throw new UsageError('--no-fetch is only for a read-it-later export (--from).', NAME);
    const summary = await context.withNotebook(async (notebook) => {
      const stop = showProgress(context, (listener) => notebook.onEvent(listener), 'import', {
        line: (event) => `${event.done}/${event.total} ${event.message}`,
      });
      try {
        return from === undefined
          ? await call(notebook, 'importMarkdown', { dir: source })
          : await call(notebook, 'importReadLater', {
              file: source,
              format: from,
              fetch: !flag(context.values, 'no-fetch'),
            });
      } finally {
        stop();
      }
    });
    emit(context, summary, () => renderSummary(summary));
    return 0;
  },
};

/** Counts on one line, then one line per problem. */
export function renderSummary(summary: ImportSummary): string {
  const counts = [
    `${summary.created} created`,
    `${summary.merged} merged`,
    `${summary.skipped} skipped`,
    plural(summary.highlights, 'highlight'),
    plural(summary.attachments, 'attachment'),
  ];
  const lines = [`Imported ${summary.source}: ${counts.join(', ')}.`];
  if (summary.problems.length > 0) {
    lines.push(`${plural(summary.problems.length, 'problem')}:`);
    for (const problem of summary.problems)
      lines.push(`  ${problem.subject}: ${problem.message} [${problem.code}]`);
  }
  return lines.join('\n');
}
