import { progressCount } from './transfer-summary';
import type { JobProgress } from './use-transfer-job';

interface TransferProgressProps {
  /** The bar's name: "Exporting", "Importing". */
  label: string;
  progress: JobProgress | null;
}

/** A long job under way: the bar, what it is doing, and how far it is. */
export function TransferProgress({ label, progress }: TransferProgressProps) {
  const total = progress?.total ?? 0;
  const count = progress ? progressCount(progress.done, total) : '';
  return (
    <div className="transfer-progress" role="status">
      {total > 0 ? (
        <progress className="transfer-progress__bar" aria-label={label} max={total} value={progress?.done} />
      ) : (
        <progress className="transfer-progress__bar" aria-label={label} />
      )}
      <p className="transfer-progress__message">{progress?.message || 'Starting…'}</p>
      {count && <p className="transfer-progress__count">{count}</p>}
    </div>
  );
}
