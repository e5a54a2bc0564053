import { useEffect } from 'react';
import { dismissNotice, useNotice } from '../lib/notice-store';

const INFO_VISIBLE_MS = 6_000;

/** The one message at the bottom of the window. Information fades; errors stay until dismissed. */
export function NoticeBar() {
  const notice = useNotice();

  useEffect(() => {
    if (!notice || notice.tone !== 'info') return;
    const timer = setTimeout(() => dismissNotice(notice.id), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <div className="notices" aria-live="polite">
      {notice && (
        <div className={`notice is-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p className="notice__message">{notice.message}</p>
          {notice.action && (
            <button
              type="button"
              className="button is-quiet"
              onClick={() => {
                notice.action?.run();
                dismissNotice(notice.id);
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button
            type="button"
            className="notice__close"
            aria-label="Dismiss message"
            onClick={() => dismissNotice(notice.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </div>
  );
}
