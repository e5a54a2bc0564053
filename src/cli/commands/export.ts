import { resolve } from 'node:path';
import type { ExportSummary } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { flag, singleString, stringList } from '../option-values';
import { columns, emit, plural } from '../output';
import { showProgress } from '../progress-line';

const NAME = 'export';

export const exportCommand: Command = {
  words: ['export'],
  summary: 'Export notes and clips to a folder as Markdown files (Obsidian-compatible), with their images.',
  usage: 'export DIR [--query Q] [--tag TAG] [--id ID]... [--prune] [--json]',
  details: [
    'DIR              The folder to write (made if missing; not inside the library). Exporting',
    '                 to it again updates the same files and leaves unchanged ones alone.',
    '--query Q        Only what the search Q finds (notes and clips).',
    '--tag TAG        Only items with TAG or a tag nested under it (tag/…).',
    '--id ID          Only this item; repeat for more. Options given together all apply.',
    '                 Without any: every note and clip outside the trash.',
    '--prune          Remove the files this folder holds from earlier exports of items not',
    '                 exported now (only files an export wrote; nothing else is touched).',
    '--json           Print the ExportSummary: { dir, notes, clips, written, unchanged, removed,',
    '                 attachments, problems, tookMs }.',
  ],
  options: {
    query: { type: 'string', multiple: true },
    tag: { type: 'string', multiple: true },
    id: { type: 'string', multiple: true },
    prune: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const dir = resolve(context.positionals[0] ?? '');
    const query = singleString(context.values, 'query', NAME);
    const tag = singleString(context.values, 'tag', NAME);
    const ids = stringList(context.values, 'id');
    const summary = await context.withNotebook(async (notebook) => {
      const stop = showProgress(context, (listener) => notebook.onEvent(listener), 'export', {
        endsWithoutTerminal: true,
      });
      try {
        return await call(notebook, 'exportMarkdown', {
          dir,
          prune: flag(context.values, 'prune'),
          ...(query === undefined ? {} : { query }),
          ...(tag === undefined ? {} : { tag }),
          ...(ids.length === 0 ? {} : { ids }),
        });
      } finally {
        stop();
      }
    });
    emit(context, summary, () => renderSummary(summary));
    return summary.problems.length > 0 ? 1 : 0;
  },
};

function renderSummary(summary: ExportSummary): string {
  const lines = [
    `Exported ${plural(summary.notes, 'note')} and ${plural(summary.clips, 'clip')} to ${summary.dir} in ${summary.tookMs} ms`,
    columns([
      ['written:', String(summary.written)],
      ['unchanged:', String(summary.unchanged)],
      ['removed:', String(summary.removed)],
      ['attachments:', String(summary.attachments)],
      ['problems:', String(summary.problems.length)],
    ]),
    ...summary.problems.map((problem) => `  ${problem.subject}: ${problem.message}`),
  ];
  return lines.join('\n');
}
