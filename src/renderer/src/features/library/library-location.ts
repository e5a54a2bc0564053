import type { ListView } from '@shared/types';

/** Which slice of the library the list shows: a view, optionally narrowed to a tag (and its children). */
export interface LibraryLocation {
  view: ListView;
  tag: string | null;
}

export const startLocation: LibraryLocation = { view: 'all', tag: null };

export const viewLabels: Record<ListView, string> = {
  all: 'All',
  clips: 'Clips',
  notes: 'Notes',
  trash: 'Trash',
};

/** What a view's rows are called, one and many. */
const nouns: Record<ListView, [string, string]> = {
  all: ['item', 'items'],
  clips: ['clip', 'clips'],
  notes: ['note', 'notes'],
  trash: ['item', 'items'],
};

/** "1 clip", "12 notes": the count under the list's heading. */
export function countLabel(view: ListView, count: number): string {
  const [one, many] = nouns[view];
  return count === 1 ? `1 ${one}` : `${count} ${many}`;
}

/** The heading of the list for a location. */
export function locationTitle(location: LibraryLocation): string {
  return location.tag ? `#${location.tag}` : viewLabels[location.view];
}

/** What the list says when it has no rows. */
export function emptyListMessage(location: LibraryLocation): string {
  const many = nouns[location.view][1];
  if (location.tag) return `No ${many} are tagged #${location.tag}.`;
  if (location.view === 'trash') return 'The trash is empty.';
  return location.view === 'all' ? 'Nothing here yet.' : `No ${many} yet.`;
}
