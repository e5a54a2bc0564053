/**
 * The order listItems answers in — updated descending, then id — kept sorted as items change,
 * so a page at 50,000 items is a slice, not a sort.
 */
import type { ListView } from '../shared/types';
import { tagKey } from '../shared/tags';
import { yieldToLoop } from './event-loop';
import type { ItemRecord } from './item-record';

/** From this many items on, addAll merges them in rather than adding each. */
const MERGE_FROM = 32;

interface Entry {
  item: ItemRecord;
  /** Lower-cased tags, computed once per record instead of on every filtered list. */
  tagKeys: string[];
}

export interface IndexQuery {
  view: ListView;
  tag?: string;
  offset: number;
  limit: number;
}

/** How many items are outside the trash (in all, notes, clips) and in it. */
export interface ItemCounts {
  live: number;
  notes: number;
  clips: number;
  trash: number;
}

export class ItemIndex {
  private live: Entry[] = [];
  private trash: Entry[] = [];
  private liveClips = 0;

  /**
   * Builds from unordered groups of records (one per shard): each group is sorted, then the
   * sorted runs are merged pairwise, yielding between steps so that opening a large library
   * never holds the event loop for one whole 50,000-item sort.
   */
  static async build(groups: Iterable<readonly ItemRecord[]>): Promise<ItemIndex> {
    const liveRuns: Entry[][] = [];
    const trashRuns: Entry[][] = [];
    for (const group of groups) {
      const live: Entry[] = [];
      const trash: Entry[] = [];
      for (const item of group) (item.deleted === null ? live : trash).push(toEntry(item));
      liveRuns.push(live.sort(compare));
      trashRuns.push(trash.sort(compare));
      await yieldToLoop();
    }
    const index = new ItemIndex();
    index.live = await mergeRuns(liveRuns);
    index.trash = await mergeRuns(trashRuns);
    for (const entry of index.live) if (entry.item.type === 'clip') index.liveClips++;
    return index;
  }

  add(item: ItemRecord): void {
    const list = this.listOf(item);
    list.splice(this.position(list, item), 0, toEntry(item));
    if (list === this.live && item.type === 'clip') this.liveClips++;
  }

  /**
   * Adds many at once (an import's group of a thousand): sorted among themselves and merged in,
   * one pass over each list, rather than spliced in one at a time (a move of half the list each).
   */
  addAll(items: readonly ItemRecord[]): void {
    if (items.length < MERGE_FROM) {
      for (const item of items) this.add(item);
      return;
    }
    const live: Entry[] = [];
    const trash: Entry[] = [];
    for (const item of items) (item.deleted === null ? live : trash).push(toEntry(item));
    this.live = merge(this.live, live.sort(compare));
    this.trash = merge(this.trash, trash.sort(compare));
    for (const entry of live) if (entry.item.type === 'clip') this.liveClips++;
  }

  /** Removes the entry of exactly this record (records are immutable; a change replaces them). */
  remove(item: ItemRecord): void {
    const list = this.listOf(item);
    const at = this.position(list, item);
    if (list[at]?.item.id !== item.id) return;
    list.splice(at, 1);
    if (list === this.live && item.type === 'clip') this.liveClips--;
  }

  /** Items of a view in list order; `tag` includes nested tags (`sahel` matches `sahel/mali`). */
  query({ view, tag, offset, limit }: IndexQuery): { total: number; items: ItemRecord[] } {
    const list = view === 'trash' ? this.trash : this.live;
    const match = matcher(view, tag);
    if (match === null) {
      return { total: list.length, items: list.slice(offset, offset + limit).map((entry) => entry.item) };
    }
    const items: ItemRecord[] = [];
    let total = 0;
    for (const entry of list) {
      if (!match(entry)) continue;
      if (total >= offset && items.length < limit) items.push(entry.item);
      total++;
    }
    return { total, items };
  }

  /** Items outside the trash, most recently updated first. */
  *liveItems(): Iterable<ItemRecord> {
    for (const entry of this.live) yield entry.item;
  }

  get counts(): ItemCounts {
    const live = this.live.length;
    return { live, notes: live - this.liveClips, clips: this.liveClips, trash: this.trash.length };
  }

  private listOf(item: ItemRecord): Entry[] {
    return item.deleted === null ? this.live : this.trash;
  }

  // Binary search: the first entry not before `item`.
  private position(list: Entry[], item: ItemRecord): number {
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareItems((list[mid] as Entry).item, item) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function matcher(view: ListView, tag: string | undefined): ((entry: Entry) => boolean) | null {
  const type = view === 'notes' ? 'note' : view === 'clips' ? 'clip' : null;
  if (tag === undefined && type === null) return null;
  const parent = tag === undefined ? null : tagKey(tag);
  const prefix = `${parent}/`;
  return (entry) =>
    (type === null || entry.item.type === type) &&
    (parent === null || entry.tagKeys.some((key) => key === parent || key.startsWith(prefix)));
}

// Tags repeat across thousands of items: lower-case each distinct spelling once.
const tagKeys = new Map<string, string>();

function cachedTagKey(tag: string): string {
  let key = tagKeys.get(tag);
  if (key === undefined) {
    key = tagKey(tag);
    tagKeys.set(tag, key);
  }
  return key;
}

function toEntry(item: ItemRecord): Entry {
  const keys = item.tags.map(cachedTagKey);
  // Tags are mostly written as their keys already: then the record's own list serves, as records
  // never change, and the index holds one list fewer per item.
  return { item, tagKeys: keys.every((key, i) => key === item.tags[i]) ? item.tags : keys };
}

async function mergeRuns(runs: Entry[][]): Promise<Entry[]> {
  let round = runs.filter((run) => run.length > 0);
  while (round.length > 1) {
    const next: Entry[][] = [];
    for (let i = 0; i < round.length; i += 2) {
      const a = round[i] as Entry[];
      const b = round[i + 1];
      next.push(b === undefined ? a : merge(a, b));
      await yieldToLoop();
    }
    round = next;
  }
  return round[0] ?? [];
}

function merge(a: Entry[], b: Entry[]): Entry[] {
  const out = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length)
    out[k++] = compare(a[i] as Entry, b[j] as Entry) <= 0 ? (a[i++] as Entry) : (b[j++] as Entry);
  while (i < a.length) out[k++] = a[i++] as Entry;
  while (j < b.length) out[k++] = b[j++] as Entry;
  return out;
}

function compare(a: Entry, b: Entry): number {
  return compareItems(a.item, b.item);
}

// ISO 8601 UTC strings of one length sort as text, so no Date parsing here.
function compareItems(a: ItemRecord, b: ItemRecord): number {
  if (a.updated !== b.updated) return a.updated > b.updated ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
