import type { NotebookClient } from '@shared/api';
import { NotebookError } from '@shared/errors';
import type { Item, Note } from '@shared/types';
import { errorMessage, isConflict } from '../../lib/errors';
import { reportError, showNotice } from '../../lib/notice-store';

export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error';

/** What the editor shows for the open note. */
export interface NoteSnapshot {
  /** The note as the library last confirmed it (tags, rev, dates). */
  note: Note;
  title: string;
  body: string;
  state: SaveState;
  /** The last thing that went wrong, as a sentence; cleared by the next success. */
  problem: string | null;
}

export const AUTOSAVE_DELAY_MS = 400;

/** The library answers with items; a draft only ever holds a note. */
export function asNote(item: Item): Note {
  if (item.type !== 'note') throw new NotebookError('invalid_argument', 'This item is not a note.');
  return item;
}

const CONFLICT_MESSAGE =
  'This note was changed somewhere else, so your latest edits were not saved. It now shows the saved version.';

/**
 * The note open in the editor: its unsaved text, autosave (debounced, and on demand before
 * switching), and every write to it in order. Each write passes the last revision seen as `baseRev`, so
 * an edit made elsewhere in the meantime comes back as a conflict instead of being overwritten.
 */
export class NoteDraft {
  private snapshot: NoteSnapshot;
  /** The title and body the library has (as last loaded or sent). */
  private baseline: { title: string; body: string };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private inFlight = 0;
  private failed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly client: NotebookClient,
    note: Note,
    private readonly onSaved: (note: Note) => void,
  ) {
    this.baseline = { title: note.title, body: note.body };
    this.snapshot = { note, title: note.title, body: note.body, state: 'saved', problem: null };
  }

  get id(): string {
    return this.snapshot.note.id;
  }

  /** True while there is anything not yet confirmed by the library. */
  get busy(): boolean {
    return this.isDirty() || this.inFlight > 0;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): NoteSnapshot => this.snapshot;

  edit(patch: { title?: string; body?: string }): void {
    this.update(patch);
    this.clearTimer();
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves now if anything is pending; resolves true once everything is saved. */
  flush(): Promise<boolean> {
    this.clearTimer();
    if (this.isDirty()) this.enqueue(() => this.save());
    return this.queue.then(() => !this.failed && !this.isDirty());
  }

  changeTags(add: string[], remove: string[]): void {
    this.enqueue(async () => {
      const { id } = this;
      this.track(asNote(await this.client.tagItem({ id, add, remove })));
    });
  }

  /**
   * The library says this note changed: show the new version unless we have edits of our own
   * (their save will meet the conflict). Throws `not_found` if the note is gone.
   */
  async reload(): Promise<void> {
    if (this.busy) return;
    const fresh = asNote(await this.client.getItem({ id: this.id }));
    if (!this.busy && fresh.rev !== this.snapshot.note.rev) this.replace(fresh);
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private async save(): Promise<void> {
    if (!this.isDirty()) return;
    const sent = { title: this.snapshot.title, body: this.snapshot.body };
    try {
      const saved = await this.client.updateNote({ id: this.id, ...sent, baseRev: this.snapshot.note.rev });
      this.baseline = sent;
      this.track(asNote(saved));
    } catch (error) {
      if (!isConflict(error)) throw error;
      this.replace(asNote(await this.client.getItem({ id: this.id })));
      // The person's text is not lost: one click puts it on the clipboard.
      const mine = [sent.title, sent.body].filter(Boolean).join('\n\n');
      showNotice({
        tone: 'error',
        message: CONFLICT_MESSAGE,
        action: {
          label: 'Copy my version',
          run: () => void navigator.clipboard?.writeText(mine).catch(reportError),
        },
      });
    }
  }

  /** Runs writes one after another; a failure is shown and does not stop later writes. */
  private enqueue(write: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      this.inFlight++;
      this.update({});
      try {
        await write();
        this.failed = false;
      } catch (error) {
        this.failed = true;
        this.update({ problem: errorMessage(error) });
      } finally {
        this.inFlight--;
        this.update({});
      }
    });
  }

  private track(saved: Note): void {
    this.update({ note: saved, problem: null });
    this.onSaved(saved);
  }

  private replace(fresh: Note): void {
    this.baseline = { title: fresh.title, body: fresh.body };
    this.update({ note: fresh, title: fresh.title, body: fresh.body, problem: null });
    this.onSaved(fresh);
  }

  private isDirty(): boolean {
    return this.snapshot.title !== this.baseline.title || this.snapshot.body !== this.baseline.body;
  }

  private update(patch: Partial<Omit<NoteSnapshot, 'state'>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    const state: SaveState =
      this.inFlight > 0 ? 'saving' : this.failed ? 'error' : this.isDirty() ? 'unsaved' : 'saved';
    this.snapshot = { ...this.snapshot, state };
    this.listeners.forEach((listener) => listener());
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
