import type { HitType } from '@shared/types';

const labels: Record<HitType, string> = { note: 'Note', clip: 'Clip', highlight: 'Highlight' };

// 16×16 line drawings, stroked in the current colour.
const paths: Record<HitType, string> = {
  // A sheet with a folded corner and two lines of writing.
  note: 'M4 1.75h5.5L12.25 4.5v9.75H4zM9.25 1.75V4.75h3M6 8h4.5M6 10.75h4.5',
  // A page caught by a paper clip.
  clip: 'M5.5 9.5V3.75a1.75 1.75 0 0 1 3.5 0v6.5a3 3 0 0 1-6 0V5M11 2.25h2.25v12H5.75V14',
  // A highlighter pen over a stroke of ink.
  highlight: 'M9.5 2.25l3.25 3.25-5.5 5.5H4v-3.25zM2.25 14.25h11.5',
};

/** A small mark for an item's (or a search hit's) type; its label is what a screen reader says. */
export function TypeIcon({ type }: { type: HitType }) {
  return (
    <span className={`type-icon is-${type}`} role="img" aria-label={labels[type]} title={labels[type]}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path
          d={paths[type]}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.3"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </span>
  );
}
