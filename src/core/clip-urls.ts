/**
 * Which clip holds a page: canonical URL → clip id, built on open from every clip record (its
 * stored canonical URL and its address without tracking parameters) and kept up as clips are
 * saved. An entry is checked against the record when found, so purged or re-canonicalised clips
 * never answer for a page they no longer hold.
 */
import { canonicalizeUrl } from './clipper/canonical-url';
import type { ClipRecord, ItemRecord } from './item-record';

export class ClipUrls {
  private readonly byKey = new Map<string, string>();

  constructor(records: Iterable<ItemRecord>) {
    for (const record of records) if (record.type === 'clip') this.add(record);
  }

  add(record: ClipRecord): void {
    for (const key of keysOf(record)) this.byKey.set(key, record.id);
  }

  /** The clip (in the trash or not) of any of these addresses, or null. */
  find(
    urls: readonly (string | null | undefined)[],
    get: (id: string) => ItemRecord | undefined,
  ): ClipRecord | null {
    for (const key of urlKeys(urls)) {
      const id = this.byKey.get(key);
      if (id === undefined) continue;
      const record = get(id);
      if (record?.type === 'clip' && keysOf(record).includes(key)) return record;
      this.byKey.delete(key);
    }
    return null;
  }
}

/** The addresses a clip answers for. */
function keysOf(record: ClipRecord): string[] {
  return urlKeys([record.canonicalUrl, record.url]);
}

/** Each address without tracking parameters, once; empty and non-web addresses are skipped. */
export function urlKeys(urls: readonly (string | null | undefined)[]): string[] {
  const keys: string[] = [];
  for (const url of urls) {
    if (url === null || url === undefined || url === '') continue;
    try {
      const key = canonicalizeUrl(url);
      if (!keys.includes(key)) keys.push(key);
    } catch {
      // not an http(s) address: it names no page
    }
  }
  return keys;
}
