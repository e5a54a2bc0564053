import { TransferProgress } from './TransferProgress';
import { TransferSummary } from './TransferSummary';
import type { SummaryCount, SummaryProblem } from './transfer-summary';
import type { JobState } from './use-transfer-job';

export interface JobStatusProps<Summary> {
  job: JobState<Summary>;
  /** "Export" or "Import": the progress says "Exporting", the summary "Export summary". */
  noun: 'Export' | 'Import';
  /** What the summary shows of a finished job. */
  describe: (summary: Summary) => {
    headline: string;
    counts: SummaryCount[];
    problems: readonly SummaryProblem[];
  };
  onClose: () => void;
}

/** A running job's progress, or a finished one's summary, with the button that closes the dialog; nothing otherwise. */
export function JobStatus<Summary>({ job, noun, describe, onClose }: JobStatusProps<Summary>) {
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
  const { headline, counts, problems } = describe(job.summary);
  return (
    <>
      <TransferSummary label={`${noun} summary`} headline={headline} counts={counts} problems={problems} />
      <div className="dialog__actions">
        <button type="button" className="button is-primary" autoFocus onClick={onClose}>
          Done
        </button>
      </div>
    </>
  );
}
