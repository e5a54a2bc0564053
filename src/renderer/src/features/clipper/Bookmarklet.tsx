import { useEffect, useId, useRef, useState } from 'react';
import { isDesktop } from '../../lib/api';
import { bookmarkletHref } from './bookmarklet';

/** The "Clip to Commonplace" link to drag to the browser's bookmarks bar (browser mode only). */
export function Bookmarklet() {
  const link = useRef<HTMLAnchorElement>(null);
  const hintId = useId();
  const [nudged, setNudged] = useState(false);
  const desktop = isDesktop();

  // React refuses to render `javascript:` addresses, so the link gets its address directly.
  useEffect(() => {
    link.current?.setAttribute('href', bookmarkletHref(window.location.origin));
  }, []);

  if (desktop) {
    return (
      <p className="field__hint">
        The bookmarklet works with Commonplace open in a browser (<code>commonplace serve</code>): a web page
        cannot reach the desktop app’s window. Use the browser extension, or copy a page and paste it into the
        Clip dialog.
      </p>
    );
  }

  return (
    <div className="bookmarklet">
      <a
        ref={link}
        className="button bookmarklet__link"
        draggable
        aria-describedby={hintId}
        onClick={(event) => {
          event.preventDefault();
          setNudged(true);
        }}
      >
        Clip to Commonplace
      </a>
      <p id={hintId} className="field__hint">
        Drag this link to your browser’s bookmarks bar. On a page you want to keep, click the bookmark:
        Commonplace opens in a new window with the Clip dialog filled in, and you confirm with Clip. Some
        sites’ security settings block bookmarklets; save such a page and drop the file on the Clip dialog
        instead.
      </p>
      {nudged && (
        <p className="field__hint" role="status">
          Drag it to the bookmarks bar rather than clicking it here.
        </p>
      )}
    </div>
  );
}
