import { TransferProgress } from './TransferProgress';
import { TransferSummary } from './TransferSummary';
import type { SummaryCount, SummaryProblem } from './transfer-summary';
import type { JobState } from './use-transfer-job';

export interface JobStatusProps<Summary extends { problems: readonly SummaryProblem[] }> {
  job: JobState<Summary>;
  /** "Export" or "Import": the progress says "Exporting", the summary "Export summary". */
  noun: 'Export' | 'Import';
  /** The sentence atop a finished job's summary, and the counts under it (its problems follow). */
  headline: (summary: Summary) => string;
  counts: (summary: Summary) => SummaryCount[];
  onClose: () => void;
}

/** A running job's progress, or a finished one's summary, with the button that closes the dialog; nothing otherwise. */
export function JobStatus<Summary extends { problems: readonly SummaryProblem[] }>({
  job,
  noun,
  headline,
  counts,
  onClose,
}: JobStatusProps<Summary>) {
  if (job.state === 'running') {
    return (
      <>
        <TransferProgress label={`${noun}ing`} progress={job.progress} />
        <p className="field__hint">You can close this window: the {noun.toLowerCase()} goes on.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </>
    );
  }
  if (job.state !== 'done') return null;
  const { summary } = job;
  return (
    <>
      <TransferSummary
        label={`${noun} summary`}
        headline={headline(summary)}
        counts={counts(summary)}
        problems={summary.problems}
      />
      <div className="dialog__actions">
        <button type="button" className="button is-primary" autoFocus onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}
