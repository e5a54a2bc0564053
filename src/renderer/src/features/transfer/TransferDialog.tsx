import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { ModalDialog } from '../../components/ModalDialog';
import { JobStatus, type JobStatusProps } from './JobStatus';
import type { SummaryProblem } from './transfer-summary';

interface TransferDialogProps<
  Summary extends { problems: readonly SummaryProblem[] },
> extends JobStatusProps<Summary> {
  open: boolean;
  title: string;
  /** The form, shown until the job starts (and again after it failed). */
  children: ReactNode;
}

/** The modal of an export or import: the form, then the job's progress, then its summary. Esc closes it. */
export function TransferDialog<Summary extends { problems: readonly SummaryProblem[] }>({
  open,
  title,
  children,
  ...status
}: TransferDialogProps<Summary>) {
  const { job, onClose } = status;
  return (
    <ModalDialog open={open} title={title} className="transfer-dialog" onClose={onClose}>
      <JobStatus {...status} />
      {(job.state === 'idle' || job.state === 'failed') && children}
    </ModalDialog>
  );
}

/** Whether the dialog is open now, asked by a job when it ends (a closed dialog's job tells of itself elsewhere). */
export function useOpenNow(open: boolean): () => boolean {
  const shown = useRef(open);
  useEffect(() => {
    shown.current = open;
  });
  return useCallback(() => shown.current, []);
}
