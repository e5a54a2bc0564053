/**
 * The link index, in memory: which notes link to which names, and which items answer to which
 * names. Built on first use from the records' `links` (reading the body only of notes saved
 * before links were recorded), then kept current from the store's `items-changed` events: each
 * changed id is looked up again, so edits, renames, trash, restore and purge all take the same
 * path. Nothing is saved: a reopened library builds it again from the records.
 *
 * Resolution: a link's target matches an item's title or alias with case, accents and runs of
 * spaces ignored; items in the trash do not resolve. Among several matches the winner is, in
 * order: a note over a clip, a title over an alias, the oldest created, the smallest id.
 */
import { Slices } from '../event-loop';
import type { ItemRecord } from '../item-record';
import type { Store } from '../store';
import { linkKey, linkTexts, parseLinkText } from './wikilink';

/** A name an item answers to. */
export interface ItemName {
  name: string;
  key: string;
  alias: boolean;
  /** The words of `key`, for completion. */
  words: string[];
}

export class LinkIndex {
  private built = false;
  private building: Promise<void> | null = null;
  /** Note id → the keys of its links' targets (repeats kept out). */
  private readonly targetsOf = new Map<string, string[]>();
  /** Target key → the notes with a link to it. */
  private readonly linkers = new Map<string, Set<string>>();
  /** Name key → the items outside the trash with that title or alias. */
  private readonly named = new Map<string, Set<string>>();
  /** Item id (outside the trash) → its names. */
  private readonly namesOf = new Map<string, ItemName[]>();
  /** Notes without a recorded link list whose body is being read. */
  private readonly reading = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {
    store.onEvent((event) => {
      if (event.type !== 'items-changed' || !this.built) return;
      for (const id of event.ids) this.refresh(id);
    });
  }

  /** Resolves once the index reflects every change announced so far. */
  async ready(): Promise<void> {
    await (this.building ??= this.build());
    while (this.reading.size > 0) await Promise.all(this.reading.values());
  }

  // In slices of the event loop's time (a count of items would hold it far longer on a busy
  // machine). Changes announced meanwhile are applied at once (built is already true); an id the
  // loop reaches later is simply looked up again.
  private async build(): Promise<void> {
    this.built = true;
    const ids = Array.from(this.store.allItems(), (record) => record.id);
    const slices = new Slices();
    for (const id of ids) {
      this.refresh(id);
      if (slices.due()) await slices.next();
    }
  }

  /** The item a link target names, or null (no such title or alias outside the trash). */
  resolve(target: string): ItemRecord | null {
    const key = linkKey(target);
    let best: ItemRecord | null = null;
    let bestAlias = false;
    for (const id of this.named.get(key) ?? []) {
      const record = this.store.get(id);
      if (!record) continue;
      const alias = linkKey(record.title) !== key;
      if (best === null || wins(record, alias, best, bestAlias)) {
        best = record;
        bestAlias = alias;
      }
    }
    return best;
  }

  /** The notes (trashed ones included) with a link whose target is one of `keys`. */
  linkersOf(keys: readonly string[]): Set<string> {
    const notes = new Set<string>();
    for (const key of keys) for (const id of this.linkers.get(key) ?? []) notes.add(id);
    return notes;
  }

  /** The names of an item outside the trash: its title (if any) and its aliases. */
  names(id: string): ItemName[] {
    return this.namesOf.get(id) ?? [];
  }

  /** Every item outside the trash with its names. */
  allNames(): IterableIterator<[string, ItemName[]]> {
    return this.namesOf.entries();
  }

  private refresh(id: string): void {
    this.forget(id);
    const record = this.store.get(id);
    if (!record) return;
    if (record.deleted === null) this.addNames(record);
    if (record.type !== 'note') return;
    if (record.links) this.setLinks(id, record.links);
    else this.readLinks(record);
  }

  private forget(id: string): void {
    for (const key of this.targetsOf.get(id) ?? []) removeFrom(this.linkers, key, id);
    this.targetsOf.delete(id);
    for (const { key } of this.namesOf.get(id) ?? []) removeFrom(this.named, key, id);
    this.namesOf.delete(id);
  }

  private addNames(record: ItemRecord): void {
    const names: ItemName[] = [];
    const add = (name: string, alias: boolean): void => {
      const key = linkKey(name);
      if (key === '' || names.some((n) => n.key === key)) return;
      names.push({ name, key, alias, words: key.split(' ') });
      addTo(this.named, key, record.id);
    };
    add(record.title, false);
    for (const alias of record.type === 'note' ? (record.aliases ?? []) : []) add(alias, true);
    this.namesOf.set(record.id, names);
  }

  private setLinks(id: string, links: readonly string[]): void {
    const keys = new Set<string>();
    for (const raw of links) {
      const link = parseLinkText(raw);
      if (link) keys.add(linkKey(link.target));
    }
    this.targetsOf.set(id, [...keys]);
    for (const key of keys) addTo(this.linkers, key, id);
  }

  private readLinks(record: ItemRecord): void {
    const read = this.store.bodies
      .read(record.bodyFile)
      .then((text) => {
        // A newer version was (or will be) indexed by its own event.
        if (this.store.get(record.id) === record) this.setLinks(record.id, linkTexts(text ?? ''));
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.reading.get(record.id) === read) this.reading.delete(record.id);
      });
    this.reading.set(record.id, read);
  }
}

function wins(a: ItemRecord, aAlias: boolean, b: ItemRecord, bAlias: boolean): boolean {
  if (a.type !== b.type) return a.type === 'note';
  if (aAlias !== bAlias) return !aAlias;
  if (a.created !== b.created) return a.created < b.created;
  return a.id < b.id;
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) map.delete(key);
}
