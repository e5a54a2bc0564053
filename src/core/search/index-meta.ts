/**
 * What ranking and filtering need of each indexed item version, by item number, in flat arrays:
 * whether it is live and known, trashed, a note or a clip, when it was updated (the tie-break),
 * the date `before:`/`after:` compare, and its facets — folded tags, folded authors and the host
 * of its address, each a number in a dictionary. Filled when the item is added with its catalog
 * entry, or on first use from the catalog, and saved with the index. An item version never
 * changes (a change is a new version, with a new number), so what is filled stays true.
 *
 * A common word matches most of the library: reading 50,000 catalog entries per keystroke would
 * cost more than the whole rest of a search; reading these arrays costs next to nothing. For the
 * same reason each facet lists the versions that have it, and the facets of each kind are listed:
 * a search by `author:` alone reads the few items of that author, and its operators test only the
 * facets of their kind, not the whole dictionary.
 */
import type { CatalogEntry } from './execute';
import { foldText } from './text';

/** The number stands for a live version (it is indexed and not replaced or removed). */
export const LIVE = 1;
/** The rest is filled in. */
export const KNOWN = 2;
export const TRASHED = 4;
export const CLIP = 8;
export const HIGHLIGHT = 16;
/**
 * An item's facets are kept in a flat array, FACET_SLOTS per item (-1: none), and only those past
 * them in a small map: a filter reading them runs several times faster than one walking 50,000
 * small arrays, and the garbage collector has 50,000 fewer objects to trace.
 */
export const FACET_SLOTS = 8;

export class ItemMeta {
  flags = new Uint8Array(1024);
  updated = new Float64Array(1024);
  date = new Int32Array(1024);
  /** Facet numbers by item number times FACET_SLOTS, the first FACET_SLOTS of them (-1: no more). */
  slots = new Int32Array(1024 * FACET_SLOTS).fill(-1);
  /** Facet numbers past the first FACET_SLOTS, by item number (an item with that many is rare). */
  readonly more = new Map<number, number[]>();
  /** Facet strings (`t:` tag, `a:` author, `h:` host) by number. */
  readonly facets: string[] = [];
  private readonly facetIds = new Map<string, number>();
  /** Facet numbers by kind (the facet's first letter: t, a, h). */
  readonly facetsOfKind = new Map<string, number[]>();
  // By facet number: the versions given it (dead ones and reused numbers included until pruned),
  // and how many of those have died.
  private readonly holdersOf: number[][] = [];
  private readonly diedOf: number[] = [];
  /** Live versions whose facets are not known yet (their catalog entry is read on first use). */
  readonly unknown = new Set<number>();

  /** A live version, nothing known yet. */
  live(num: number): void {
    this.restoreIds(num, 0, 0, 0, undefined);
  }

  set(num: number, entry: CatalogEntry): void {
    this.setKnown(num, metaOf(entry));
  }

  /** Sets what `metaOf` made of a version's entry (perhaps on another thread). */
  setKnown(num: number, { flags, updated, date, facets }: KnownMeta): void {
    this.restore(num, flags, updated, date, facets);
  }

  /** Sets what is known of a version (from the disk, or from its entry); `flags` without KNOWN: nothing. */
  restore(
    num: number,
    flags: number,
    updated: number,
    date: number,
    facets: readonly string[] | undefined,
  ): void {
    this.restoreIds(
      num,
      flags,
      updated,
      date,
      facets === undefined ? undefined : Int32Array.from(facets, (facet) => this.facetId(facet)),
    );
  }

  /**
   * The same with facets as numbers of this dictionary (`facetId`). Typed arrays only, as a load
   * passes them: a plain array from an edit made V8 drop the code it had optimised for the load,
   * 3–6 ms of the first edit after opening.
   */
  restoreIds(num: number, flags: number, updated: number, date: number, ids: Int32Array | undefined): void {
    this.fit(num);
    const known = (flags & KNOWN) !== 0 && ids !== undefined;
    this.flags[num] = known ? flags | LIVE : LIVE;
    this.updated[num] = updated;
    this.date[num] = date;
    this.fillSlots(num, known ? ids : undefined);
    if (!known) this.unknown.add(num);
    else {
      this.unknown.delete(num);
      for (let i = 0; i < ids.length; i++) this.holdersOf[ids[i] as number]?.push(num);
    }
  }

  /**
   * The versions given facet `id`: every live version that has it, and perhaps some that died
   * (or whose number went to another item) since the list was last pruned.
   */
  holders(id: number): readonly number[] {
    return this.holdersOf[id] ?? [];
  }

  /** The facet numbers of a version, in order (none for a dead or unknown one). */
  facetsOf(num: number): number[] {
    const ids: number[] = [];
    const base = num * FACET_SLOTS;
    for (let k = 0; k < FACET_SLOTS && base + k < this.slots.length; k++) {
      const id = this.slots[base + k] as number;
      if (id < 0) return ids;
      ids.push(id);
    }
    for (const id of this.more.get(num) ?? []) ids.push(id);
    return ids;
  }

  /** The version is dead. */
  clear(num: number): void {
    this.unknown.delete(num);
    for (const id of this.facetsOf(num)) {
      const died = (this.diedOf[id] ?? 0) + 1;
      this.diedOf[id] = died;
      // Pruned once half its list has died: each entry is looked at O(1) times on average.
      if (died * 2 > (this.holdersOf[id]?.length ?? 0)) this.prune(id, num);
    }
    if (num < this.flags.length) this.flags[num] = 0;
    if (num < this.flags.length) this.fillSlots(num, undefined);
  }

  private prune(id: number, dying: number): void {
    this.holdersOf[id] = (this.holdersOf[id] ?? []).filter(
      (num) => num !== dying && ((this.flags[num] as number) & LIVE) !== 0 && this.hasFacet(num, id),
    );
    this.diedOf[id] = 0;
  }

  private hasFacet(num: number, id: number): boolean {
    const base = num * FACET_SLOTS;
    for (let k = 0; k < FACET_SLOTS; k++) {
      const slot = this.slots[base + k] as number;
      if (slot === id) return true;
      if (slot < 0) return false;
    }
    return this.more.get(num)?.includes(id) ?? false;
  }

  private fillSlots(num: number, ids: Int32Array | undefined): void {
    const base = num * FACET_SLOTS;
    const count = ids?.length ?? 0;
    for (let k = 0; k < FACET_SLOTS; k++) this.slots[base + k] = k < count ? (ids?.[k] as number) : -1;
    if (ids !== undefined && count > FACET_SLOTS)
      this.more.set(
        num,
        Array.from({ length: count - FACET_SLOTS }, (_, k) => ids[FACET_SLOTS + k] as number),
      );
    else this.more.delete(num);
  }

  known(num: number): boolean {
    return ((this.flags[num] ?? 0) & KNOWN) !== 0;
  }

  /** The number of a facet string in this dictionary (a new one is added). */
  facetId(facet: string): number {
    let id = this.facetIds.get(facet);
    if (id === undefined) {
      id = this.facets.push(facet) - 1;
      this.facetIds.set(facet, id);
      this.holdersOf[id] = [];
      this.diedOf[id] = 0;
      const kind = facet.charAt(0);
      const ofKind = this.facetsOfKind.get(kind);
      if (ofKind === undefined) this.facetsOfKind.set(kind, [id]);
      else ofKind.push(id);
    }
    return id;
  }

  private fit(num: number): void {
    if (num < this.flags.length) return;
    const size = Math.max(num + 1, this.flags.length * 2);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    const updated = new Float64Array(size);
    updated.set(this.updated);
    const date = new Int32Array(size);
    date.set(this.date);
    const slots = new Int32Array(size * FACET_SLOTS).fill(-1);
    slots.set(this.slots);
    this.flags = flags;
    this.updated = updated;
    this.date = date;
    this.slots = slots;
  }
}

/** What the arrays hold of one version, from its catalog entry. */
export interface KnownMeta {
  flags: number;
  updated: number;
  date: number;
  facets: string[];
}

export function metaOf(entry: CatalogEntry): KnownMeta {
  const kind = entry.type === 'clip' ? CLIP : entry.type === 'highlight' ? HIGHLIGHT : 0;
  const flags = KNOWN | (entry.deleted !== null ? TRASHED : 0) | kind;
  const date = dateKey((entry.type === 'clip' && entry.published) || entry.created);
  const facets = [
    ...entry.tags.map((tag) => `t:${foldText(tag)}`),
    ...(entry.authors ?? []).map((author) => `a:${foldText(author)}`),
    `h:${hostOf(entry.url ?? '')}`,
  ];
  return { flags, updated: Date.parse(entry.updated) || 0, date, facets };
}

/** YYYY, YYYY-MM, YYYY-MM-DD or an ISO time → YYYYMMDD as a number (missing parts are 01); 0 if none. */
export function dateKey(text: string | null | undefined): number {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text ?? '');
  if (m === null) return 0;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 1) * 100 + Number(m[3] ?? 1);
}

/** Lowercase, without `www.`; '' when the address does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
