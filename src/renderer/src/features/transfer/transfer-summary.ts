/** What an export or an import did, as short lines a person reads at a glance. */
import type { ExportSummary, ImportSummary, ReadLaterFormat } from '@shared/types';

/** One number and what it counts ("3 files written"). */
export interface SummaryCount {
  count: number;
  label: string;
}

export interface SummaryProblem {
  subject: string;
  message: string;
}

/** `1 note`, `2 notes`. */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : plural}`;
}

const stat = (count: number, singular: string, plural = `${singular}s`): SummaryCount => ({
  count,
  label: count === 1 ? singular : plural,
});

/** The sentence at the top of an export's summary. */
export function exportHeadline(summary: ExportSummary): string {
  const items = summary.notes + summary.clips;
  if (items === 0) return `Nothing to export to ${summary.dir}.`;
  return `Exported ${counted(summary.notes, 'note')} and ${counted(summary.clips, 'clip')} to ${summary.dir}.`;
}

export function exportCounts(summary: ExportSummary): SummaryCount[] {
  return [
    stat(summary.written, 'file written', 'files written'),
    stat(summary.unchanged, 'file unchanged', 'files unchanged'),
    stat(summary.removed, 'file removed', 'files removed'),
    stat(summary.attachments, 'attachment', 'attachments'),
  ];
}

/** The sentence at the top of an import's summary. */
export function importHeadline(summary: ImportSummary): string {
  const touched = summary.created + summary.merged;
  if (touched === 0) return `Nothing new to import from ${summary.source}.`;
  return `Imported ${counted(touched, 'item')} from ${summary.source}.`;
}

export function importCounts(summary: ImportSummary): SummaryCount[] {
  return [
    stat(summary.created, 'created', 'created'),
    stat(summary.merged, 'merged', 'merged'),
    stat(summary.skipped, 'skipped', 'skipped'),
    stat(summary.highlights, 'highlight', 'highlights'),
    stat(summary.attachments, 'attachment', 'attachments'),
  ];
}

/** A short line for the notice when a job ends while its dialog is closed. */
export function exportNotice(summary: ExportSummary): string {
  const problems = summary.problems.length;
  const tail = problems > 0 ? ` (${counted(problems, 'problem')})` : '';
  return `${exportHeadline(summary).replace(/\.$/, '')}${tail}.`;
}

export function importNotice(summary: ImportSummary): string {
  const problems = summary.problems.length;
  const tail = problems > 0 ? ` (${counted(problems, 'problem')})` : '';
  return `${importHeadline(summary).replace(/\.$/, '')}${tail}.`;
}

/** "12 of 40" while the total is known; nothing while it is not. */
export function progressCount(done: number, total: number): string {
  if (total <= 0) return '';
  return `${Math.min(done, total).toLocaleString()} of ${total.toLocaleString()}`;
}

export const readLaterFormats: { value: ReadLaterFormat; label: string }[] = [
  { value: 'pocket-html', label: 'Pocket (HTML)' },
  { value: 'pocket-csv', label: 'Pocket (CSV)' },
  { value: 'omnivore', label: 'Omnivore (zip)' },
  { value: 'wallabag', label: 'Wallabag (JSON)' },
  { value: 'readwise', label: 'Readwise (CSV)' },
];

/** Why a job stopped, in plain sentences: "Could not export. The folder is not writable." */
export function failureSentence(what: 'export' | 'import', message: string): string {
  const text = message.trim();
  if (text === '') return `Could not ${what}.`;
  const first = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return `Could not ${what}. ${/[.!?…]$/.test(first) ? first : `${first}.`}`;
}
