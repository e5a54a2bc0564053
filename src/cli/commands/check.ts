import type { CheckReport } from '../../shared/types';
import type { Command } from '../command';
import { call } from '../library';
import { emit, plural } from '../output';

export const check: Command = {
  words: ['check'],
  summary: 'Verify every store file, body file and the lock; exit 1 if anything is wrong.',
  usage: 'check [--json]',
  details: ['--json           Print the CheckReport: { ok, checked: { items, files }, problems }.'],
  options: {},
  positionals: { min: 0, max: 0 },
  async run(context) {
    const report = await context.withNotebook((notebook) => call(notebook, 'checkLibrary', {}));
    emit(context, report, () => renderReport(report));
    return report.ok ? 0 : 1;
  },
};

function renderReport(report: CheckReport): string {
  const checked = `${plural(report.checked.items, 'item')} and ${plural(report.checked.files, 'file')}`;
  if (report.problems.length === 0) return `No problems found (checked ${checked}).`;
  const lines = report.problems.map(
    (p) => `  ${p.code}: ${p.message}${p.path === undefined ? '' : ` (${p.path})`}`,
  );
  return [`Found ${plural(report.problems.length, 'problem')} (checked ${checked}):`, ...lines].join('\n');
}
