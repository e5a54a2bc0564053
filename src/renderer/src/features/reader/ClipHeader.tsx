import type { ReactNode } from 'react';
import type { ClipSummary } from '@shared/types';
import { formatPublished } from '../../lib/format-date';
import { siteOf } from '../../lib/site-name';

const authorList = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' });

/** The clip's title, and a byline: authors · site · published · ↗ source. */
export function ClipHeader({ clip }: { clip: ClipSummary }) {
  const parts: ReactNode[] = [];
  if (clip.authors.length > 0) parts.push(<span key="by">{authorList.format(clip.authors)}</span>);
  const site = siteOf(clip);
  if (site) parts.push(<span key="site">{site}</span>);
  if (clip.published) {
    parts.push(
      <time key="published" dateTime={clip.published}>
        {formatPublished(clip.published)}
      </time>,
    );
  }
  parts.push(
    // In the desktop app the shell opens new windows in the system browser.
    <a
      key="source"
      className="reader__source"
      href={clip.url}
      target="_blank"
      rel="noopener noreferrer"
      title={clip.url}
    >
      <span aria-hidden="true">↗ </span>source
    </a>,
  );

  return (
    <header className="reader__header">
      <h1 className={clip.title.trim() ? 'reader__title' : 'reader__title is-untitled'}>
        {clip.title.trim() || 'Untitled'}
      </h1>
      <p className="reader__byline">
        {parts.map((part, index) => (
          <span key={index} className="reader__byline-part">
            {index > 0 && <span aria-hidden="true"> · </span>}
            {part}
          </span>
        ))}
      </p>
    </header>
  );
}
