import { useSyncExternalStore } from 'react';
import type { NoteDraft, NoteSnapshot } from './note-draft';

/** Re-renders with the open note's draft and save state. */
export function useNoteSnapshot(draft: NoteDraft): NoteSnapshot {
  return useSyncExternalStore(draft.subscribe, draft.getSnapshot);
}
