/**
 * Saved searches: the sidebar's list, kept in library.json under `settings.savedSearches` and
 * written through the same durable writer as the rest of that file.
 */
import { NotebookError } from '../../shared/errors';
import type { SavedSearch } from '../../shared/types';
import { isObject } from '../json-shape';
import type { OpenedLibrary } from '../open-library';

/** The settings key the list lives under. */
export const SAVED_SEARCHES_KEY = 'savedSearches';
/** A sidebar, not a database: more than this is a mistake in a script. */
export const MAX_SAVED_SEARCHES = 1_000;

export class SavedSearches {
  // Changes run one at a time, so a read-modify-write never loses another one.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly library: OpenedLibrary,
    private readonly newId: () => string,
  ) {}

  /** In the order they were saved. Malformed entries (a hand-edited file) are skipped. */
  list(): SavedSearch[] {
    const raw = this.library.data.settings[SAVED_SEARCHES_KEY];
    if (!Array.isArray(raw)) return [];
    return raw.filter(isSavedSearch).map(({ id, name, query }) => ({ id, name, query }));
  }

  /** Saves `query` under `name`; a search already saved under that name (any case) gets the new query. */
  save(name: string, query: string): Promise<SavedSearch> {
    return this.serialized(async () => {
      const searches = this.list();
      const existing = searches.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (existing) {
        const updated = { ...existing, name, query };
        await this.write(searches.map((s) => (s === existing ? updated : s)));
        return updated;
      }
      if (searches.length >= MAX_SAVED_SEARCHES) {
        throw new NotebookError(
          'too_large',
          `There are already ${MAX_SAVED_SEARCHES} saved searches; delete some first.`,
        );
      }
      const saved = { id: this.uniqueId(searches), name, query };
      await this.write([...searches, saved]);
      return saved;
    });
  }

  delete(id: string): Promise<{ deleted: boolean }> {
    return this.serialized(async () => {
      const searches = this.list();
      const kept = searches.filter((s) => s.id !== id);
      if (kept.length === searches.length) return { deleted: false };
      await this.write(kept);
      return { deleted: true };
    });
  }

  private uniqueId(searches: readonly SavedSearch[]): string {
    for (;;) {
      const id = this.newId();
      if (!searches.some((s) => s.id === id)) return id;
    }
  }

  // The store replaces `library.data` too (emptyTrash records purgedRev): always start from the latest.
  private async write(searches: SavedSearch[]): Promise<void> {
    const data = this.library.data;
    this.library.data = { ...data, settings: { ...data.settings, [SAVED_SEARCHES_KEY]: searches } };
    await this.library.file.write(this.library.data);
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function isSavedSearch(value: unknown): value is SavedSearch {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.name === 'string' &&
    typeof value.query === 'string'
  );
}
