import type { ListView } from '@shared/types';

/** Which slice of the library the list shows: a view, optionally narrowed to a tag (and its children). */
export interface LibraryLocation {
  view: ListView;
  tag: string | null;
}

export const startLocation: LibraryLocation = { view: 'all', tag: null };

export const viewLabels: Record<ListView, string> = { all: 'All', notes: 'Notes', trash: 'Trash' };

/** The heading of the list for a location. */
export function locationTitle(location: LibraryLocation): string {
  return location.tag ? `#${location.tag}` : viewLabels[location.view];
}

/** What the list says when it has no rows. */
export function emptyListMessage(location: LibraryLocation): string {
  if (location.tag) return `No notes are tagged #${location.tag}.`;
  return location.view === 'trash' ? 'The trash is empty.' : 'No notes yet.';
}
