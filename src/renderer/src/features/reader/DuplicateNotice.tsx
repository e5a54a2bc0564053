import { formatDay } from '../../lib/format-date';

interface DuplicateNoticeProps {
  clipped: string;
  refreshing: boolean;
  onRefresh: () => void;
  onDismiss: () => void;
}

/** Said when a page clipped again was already in the library: this is the clip it already had. */
export function DuplicateNotice({ clipped, refreshing, onRefresh, onDismiss }: DuplicateNoticeProps) {
  return (
    <div className="reader__notice" role="status">
      <p className="reader__notice-text">Already in your library — clipped {formatDay(clipped)}.</p>
      <button type="button" className="button" disabled={refreshing} onClick={onRefresh}>
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </button>
      <button type="button" className="notice__close" aria-label="Dismiss message" onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
