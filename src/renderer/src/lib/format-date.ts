const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const dayThisYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const longForm = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

/** A compact date for list rows: the time today, the day this year, the full date before. */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  if (date.toDateString() === now.toDateString()) return time.format(date);
  if (date.getFullYear() === now.getFullYear()) return dayThisYear.format(date);
  return fullDay.format(date);
}

/** A full date and time, for tooltips and the editor's details line. */
export function formatLongDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : longForm.format(date);
}

type Precision = 'year' | 'month' | 'day';
const published: Record<'long' | 'short', Record<Precision, Intl.DateTimeFormat>> = {
  long: {
    year: new Intl.DateTimeFormat(undefined, { year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }),
  },
  short: {
    year: new Intl.DateTimeFormat(undefined, { year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    day: new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
  },
};
const localDay = {
  long: new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }),
  short: fullDay,
};

/**
 * A page's publication date, as precise as the page gave it (`2024`, `2024-03`, `2024-03-05`,
 * or a moment). A bare day is shown as that day wherever the reader is, never shifted by the
 * time zone.
 */
export function formatPublished(iso: string, style: 'long' | 'short' = 'long'): string {
  const precision: Precision | null = /^\d{4}$/.test(iso)
    ? 'year'
    : /^\d{4}-\d{2}$/.test(iso)
      ? 'month'
      : /^\d{4}-\d{2}-\d{2}$/.test(iso)
        ? 'day'
        : null;
  if (precision) {
    const date = new Date(`${iso.padEnd(10, '-01').slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? iso : published[style][precision].format(date);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : localDay[style].format(date);
}

/** A day, for "clipped 5 March 2025". */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : localDay.long.format(date);
}
