import type { ReactNode } from 'react';
import type { HitType } from '@shared/types';
import { formatLongDate, formatPublished, formatShortDate } from '../lib/format-date';
import { TypeIcon } from './TypeIcon';

/** The first line of a list row or a search result: type, title ("Untitled" when blank), date. */
export function RowHead({
  type,
  title,
  updated,
  children,
}: {
  type: HitType;
  title: string;
  updated: string;
  /** The title as shown, when it is more than its text (marked matches). */
  children?: ReactNode;
}) {
  const untitled = title.trim() === '';
  return (
    <div className="item-row__head">
      <TypeIcon type={type} />
      <span className={untitled ? 'item-row__title is-untitled' : 'item-row__title'}>
        {untitled ? 'Untitled' : (children ?? title)}
      </span>
      <time className="item-row__date" dateTime={updated} title={formatLongDate(updated)}>
        {formatShortDate(updated)}
      </time>
    </div>
  );
}

/** A row's tags, or nothing when it has none. */
export function RowTags({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="item-row__tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>#{tag}</li>
      ))}
    </ul>
  );
}

/** Where a clip is from and when it was published ("rfi.fr · 3 Mar 2024"), or null when neither is known. */
export function sourceLine(site: string, published: string | null | undefined): string | null {
  const date = published ? formatPublished(published, 'short') : '';
  return [site.trim(), date].filter(Boolean).join(' · ') || null;
}
