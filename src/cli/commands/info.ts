import type { LibraryInfo } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { columns, emit } from '../output';

export const info: Command = {
  words: ['info'],
  summary: 'Show where the library is, its schema version, revision and counts.',
  usage: 'info [--json]',
  details: ['--json           Print the LibraryInfo.'],
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const result = await context.withNotebook((notebook) => call(notebook, 'getLibraryInfo', {}));
    emit(context, result, () => renderInfo(result));
    return 0;
  },
};

function renderInfo(info: LibraryInfo): string {
  const lines = columns([
    ['library:', info.dir],
    ['schema version:', String(info.schemaVersion)],
    ['revision:', String(info.rev)],
    ['items:', String(info.counts.items)],
    ['notes:', String(info.counts.notes)],
    ['clips:', String(info.counts.clips)],
    ['in trash:', String(info.counts.trash)],
  ]);
  const recoveries = info.recoveries.map(
    (r) =>
      `recovered ${r.file}: the damaged file is kept as ${r.keptAs}` +
      (r.restoredFrom === null ? ', nothing to restore from.' : `, restored from ${r.restoredFrom}.`),
  );
  return [lines, ...recoveries].join('\n');
}
