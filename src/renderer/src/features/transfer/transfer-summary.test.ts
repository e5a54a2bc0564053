import { describe, expect, it } from 'vitest';
import type { ExportSummary, ImportSummary } from '@shared/types';
import {
  counted,
  exportCounts,
  exportHeadline,
  exportNotice,
  failureSentence,
  importCounts,
  importHeadline,
  importNotice,
  progressCount,
} from './transfer-summary';

const exported: ExportSummary = {
  dir: '/srv/export',
  notes: 2,
  clips: 1,
  written: 3,
  unchanged: 0,
  removed: 1,
  attachments: 4,
  problems: [{ subject: 'abc', message: 'The body file is missing.' }],
  tookMs: 12,
};

const imported: ImportSummary = {
  source: '/srv/vault',
  created: 5,
  merged: 1,
  skipped: 2,
  highlights: 0,
  attachments: 1,
  problems: [],
  items: [],
  tookMs: 30,
};

describe('what an export or an import did', () => {
  it('counts in words', () => {
    expect(counted(1, 'note')).toBe('1 note');
    expect(counted(0, 'clip')).toBe('0 clips');
    expect(counted(2, 'file written', 'files written')).toBe('2 files written');
  });

  it('sums up an export', () => {
    expect(exportHeadline(exported)).toBe('Exported 2 notes and 1 clip to /srv/export.');
    expect(exportHeadline({ ...exported, notes: 0, clips: 0 })).toBe('Nothing to export to /srv/export.');
    expect(exportCounts(exported)).toEqual([
      { count: 3, label: 'files written' },
      { count: 0, label: 'files unchanged' },
      { count: 1, label: 'file removed' },
      { count: 4, label: 'attachments' },
    ]);
    expect(exportNotice(exported)).toBe('Exported 2 notes and 1 clip to /srv/export (1 problem).');
  });

  it('sums up an import', () => {
    expect(importHeadline(imported)).toBe('Imported 6 items from /srv/vault.');
    expect(importHeadline({ ...imported, created: 0, merged: 0 })).toBe(
      'Nothing new to import from /srv/vault.',
    );
    expect(importCounts(imported).map((stat) => `${stat.count} ${stat.label}`)).toEqual([
      '5 created',
      '1 merged',
      '2 skipped',
      '0 highlights',
      '1 attachment',
    ]);
    expect(importNotice(imported)).toBe('Imported 6 items from /srv/vault.');
  });

  it('shows progress only once the total is known', () => {
    expect(progressCount(3, 0)).toBe('');
    expect(progressCount(3, 10)).toBe('3 of 10');
    expect(progressCount(12, 10)).toBe('10 of 10');
  });

  it('says why a job stopped in sentences', () => {
    expect(failureSentence('export', 'not built yet')).toBe('Could not export. Not built yet.');
    expect(failureSentence('import', 'The folder does not exist.')).toBe(
      'Could not import. The folder does not exist.',
    );
    expect(failureSentence('export', '')).toBe('Could not export.');
  });
});
