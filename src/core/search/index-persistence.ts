/**
 * When the search index goes to disk. A save flushes the index's live tier and writes its new
 * segments — far more than one edit should cost — so it is lazy: once changes have stopped for a
 * while (or have gone on for a long while), and on close. A lost save costs a replay on the next
 * open, never a search result: the store is the truth.
 */
import { exists } from '../recovery';
import type { IndexUpdater } from './index-updater';
import { SearchIndex } from './search-index';

/** Save after this long without changes… */
export const SAVE_WHEN_QUIET_MS = 10_000;
/** …or this long after the first unsaved change, however busy the library is. */
export const SAVE_AT_LEAST_EVERY_MS = 120_000;

export class IndexPersistence {
  /** The folder exists but did not load, and nothing has been saved over it since. */
  damaged = false;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private firstUnsaved = 0;
  private saving: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly updater: () => IndexUpdater | null,
  ) {}

  /** The saved index and the store revision it reflects; null when there is none that loads. */
  async load(): Promise<{ index: SearchIndex; rev: number } | null> {
    const loaded = await SearchIndex.load(this.dir).catch(() => null);
    if (loaded === null) this.damaged = await exists(this.dir).catch(() => false);
    return loaded;
  }

  /** The index changed; save it some time. While a rebuild runs, wait for its end (which calls this). */
  changed(): void {
    this.dirty = true;
    if (this.closed || this.updater()?.building === true) return;
    const now = Date.now();
    if (this.timer === null) this.firstUnsaved = now;
    else clearTimeout(this.timer);
    const delay = Math.min(SAVE_WHEN_QUIET_MS, this.firstUnsaved + SAVE_AT_LEAST_EVERY_MS - now);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        void this.save(false);
      },
      Math.max(0, delay),
    );
    // A pending save never keeps a process alive: close() saves anyway.
    this.timer.unref();
  }

  /** Saves what is unsaved, even part of a rebuild (the next open resumes from there). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.save(true);
  }

  // One save at a time; one requested while another runs follows it.
  private save(evenWhileBuilding: boolean): Promise<void> {
    this.saving = this.saving.then(() => this.saveNow(evenWhileBuilding));
    return this.saving;
  }

  private async saveNow(evenWhileBuilding: boolean): Promise<void> {
    const updater = this.updater();
    if (!updater || !this.dirty || (updater.building && !evenWhileBuilding)) return;
    await updater.exclusive(async (rev) => {
      this.dirty = false;
      try {
        await updater.index.save(this.dir, rev);
        this.damaged = false;
      } catch {
        // Derived data: the next open replays or rebuilds. Try again at the next change or on close.
        this.dirty = true;
      }
    });
  }
}
