/**
 * The note "Quote into note" adds to: the one last opened, when the app reports it through
 * `rememberNote`, else the one the reader last made or quoted into in this window.
 */
let noteId: string | null = null;

/** Records a note as the place for the next quote. */
export function rememberNote(id: string): void {
  noteId = id;
}

/** Forgets a note that is gone. */
export function forgetNote(id: string): void {
  if (noteId === id) noteId = null;
}

export function rememberedNote(): string | null {
  return noteId;
}
