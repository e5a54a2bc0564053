import type { ItemPage, ItemSummary } from '@shared/types';

/** Rows fetched per `listItems` call. */
export const PAGE_SIZE = 100;

type FetchPage = (offset: number, limit: number) => Promise<ItemPage>;

/**
 * The rows of one list (a view and tag), fetched a page at a time as they scroll into view,
 * so a list of 50,000 items costs a few small calls. After a change, the rows on screen are
 * fetched again while the old ones stay visible, so nothing flickers.
 */
export class PageCache {
  total: number | null = null;
  private pages = new Map<number, ItemSummary[]>();
  private stale = new Map<number, ItemSummary[]>();
  private loading = new Set<number>();
  private generation = 0;
  private revision: number | null = null;
  private range: [number, number] = [0, 0];
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: FetchPage,
    private readonly onError: (error: unknown) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Changes whenever rows or the total change; for `useSyncExternalStore`. */
  getVersion = (): number => this.version;

  itemAt(index: number): ItemSummary | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
  }

  /** The row index of an item among the loaded rows, or -1. */
  indexOf(id: string): number {
    for (const source of [this.pages, this.stale]) {
      for (const [page, items] of source) {
        const found = items.findIndex((item) => item.id === id);
        if (found !== -1) return page * PAGE_SIZE + found;
      }
    }
    return -1;
  }

  /** Rows `first` to `last` are on screen: fetch the pages they need. */
  show(first: number, last: number): void {
    this.range = [first, Math.max(first, last)];
    const from = Math.floor(this.range[0] / PAGE_SIZE);
    const to = Math.floor(this.range[1] / PAGE_SIZE);
    for (let page = from; page <= to; page++) {
      if (!this.pages.has(page) && !this.loading.has(page)) void this.load(page);
    }
  }

  /** Starts on the first call; afterwards a new revision means the library changed. */
  sync(revision: number): void {
    if (this.revision === revision) return;
    const first = this.revision === null;
    this.revision = revision;
    if (!first) {
      this.generation++;
      this.stale = new Map([...this.stale, ...this.pages]);
      this.pages = new Map();
      this.loading.clear();
    }
    this.show(...this.range);
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    this.loading.add(page);
    try {
      const result = await this.fetchPage(page * PAGE_SIZE, PAGE_SIZE);
      if (generation !== this.generation) return;
      this.pages.set(page, result.items);
      this.total = result.total;
      this.version++;
      this.listeners.forEach((listener) => listener());
    } catch (error) {
      if (generation === this.generation) this.onError(error);
    } finally {
      if (generation === this.generation) this.loading.delete(page);
    }
  }
}
