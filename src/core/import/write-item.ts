/**
 * Writing the prepared items of one import. What each item is, is decided at once, one item at a
 * time in the folder's order: a new note or clip (its id reserved then), or — when the library has
 * it already (same id, same canonical URL, or a note with the same title and text) — its new tags,
 * aliases and highlights added to the one there, or nothing. Never an overwrite.
 *
 * New items are written in groups of up to GROUP_ITEMS items or GROUP_BYTES, each one durable
 * change, all or nothing (see CreationGroup); one group is written while the next fills. A merge is
 * a change of its own, a few of them overlapping. An item that could be one still being written
 * (same id, note title or address) waits for that write first, so it finds it.
 */
import { createHash } from 'node:crypto';
import type { ImportedItem, ImportProblem } from '../../shared/types';
import { urlKeys } from '../clip-urls';
import type { ItemRecord, NoteRecord } from '../item-record';
import { readItem } from '../item-read';
import { linkKey } from '../links/wikilink';
import type { ApiContext } from '../notebook-api';
import type { Creation } from './create-group';
import { CreationGroup } from './create-group';
import { ImportedHighlights } from './imported-highlights';
import { mergeItem, outcome } from './merge-item';
import { clipCreation, noteCreation } from './new-item';
import type { PreparedFile } from './prepare-file';
import { yieldToLoop } from '../event-loop';

/** Library records looked at between two turns of the event loop when the writer opens. */
const RECORDS_PER_SLICE = 2_000;
/**
 * Each group saves every shard it touches, and a shard holds items of earlier groups too: the
 * fewer the groups, the less is written again (a 10,000-item import saves the store's shards five
 * times over, not forty), and each save makes a new file, which costs the system far more than
 * writing into one. The store writes a group's files a few at a time and merges its items into the
 * list order in one pass, so a big group does not hold the thread.
 */
const GROUP_ITEMS = 2_000;
const GROUP_BYTES = 16 * 1024 * 1024;
/** One group on the disk while the next fills keeps the disk busy; more would only hold memory. */
const GROUPS_IN_FLIGHT = 2;
const MERGES_IN_FLIGHT = 8;

/** A prepared item with its final Markdown and the attachments it needs, by asset name. */
export interface ReadyItem {
  item: PreparedFile;
  markdown: string;
  /** Clips: the rendered article. */
  article?: { html: string; text: string };
  attachments: Map<string, Uint8Array>;
}

export interface WriteResult {
  outcome: ImportedItem;
  highlights: number;
  /** Assets this item stored. */
  stored: string[];
  problems: ImportProblem[];
}

/** A new item waiting in a group, and who to tell when the group is written. */
interface Queued extends Creation {
  keys: Set<string>;
  /** Notes: the digest of the body. */
  digest: string;
  written: () => void;
  failed: (error: unknown) => void;
}

interface OpenGroup {
  group: CreationGroup<Queued>;
  /** Settles (never rejects) once the group is written or has failed. */
  settled: Promise<void>;
  settle: () => void;
}

/** What the writer remembers across the items of one import. */
export class ImportWriter {
  /** Ids this import made or reserved: a second file with the same id gets a new one. */
  private readonly made = new Set<string>();
  private readonly highlights: ImportedHighlights;
  private readonly notesByTitle = new Map<string, string[]>();
  /** A digest of each note's body the writer has read or made: many notes may share a title. */
  private readonly bodyDigests = new WeakMap<NoteRecord, string>();
  private open = openGroup();
  /** Identity key → the write not yet done (a group's or a merge's) of an item with that key. */
  private readonly writing = new Map<string, Promise<void>>();
  private readonly groupsInFlight = new Set<Promise<void>>();
  private readonly mergesInFlight = new Set<Promise<void>>();

  private constructor(private readonly context: ApiContext) {
    this.highlights = new ImportedHighlights(context.store);
  }

  /** A writer that knows the library's note titles and highlight ids, learnt a slice at a time. */
  static async open(context: ApiContext): Promise<ImportWriter> {
    const writer = new ImportWriter(context);
    let n = 0;
    for (const record of context.store.allItems()) {
      if (record.type === 'clip') for (const h of record.highlights ?? []) writer.highlights.taken(h.id);
      else writer.rememberTitle(record);
      if (++n % RECORDS_PER_SLICE === 0) await yieldToLoop();
    }
    return writer;
  }

  /**
   * Decides what `ready` is and queues its write; resolves once decided. Call it for one item at a
   * time, in order. `written` settles when the item is written, and rejects if that failed.
   */
  async add(ready: ReadyItem): Promise<{ written: Promise<WriteResult> }> {
    const problems: ImportProblem[] = [];
    const { item } = ready;
    const digest = bodyDigest(ready.markdown);
    const keys = identityKeys(item, digest);
    await this.waitForClashes(keys);
    const existing = await this.existing(item, digest, problems);
    if (existing !== null) {
      while (this.mergesInFlight.size >= MERGES_IN_FLIGHT) await Promise.race(this.mergesInFlight);
      const written = mergeItem(this.context, existing, ready, problems, this.highlights);
      const settled = written.then(noop, noop);
      this.mergesInFlight.add(settled);
      for (const key of keys) this.writing.set(key, settled);
      void settled.then(() => {
        this.mergesInFlight.delete(settled);
        this.forget(keys, settled);
      });
      return { written };
    }
    const id = this.freshId(item, problems);
    const { creation, result } = this.creation(id, ready, problems);
    const { group, settled } = this.open;
    const written = new Promise<WriteResult>((resolve, reject) => {
      group.add({ ...creation, keys, digest, written: () => resolve(result), failed: reject });
    });
    for (const key of keys) this.writing.set(key, settled);
    if (group.creations.length >= GROUP_ITEMS || group.bytes >= GROUP_BYTES) await this.flush();
    return { written };
  }

  /** Writes what is queued and resolves once every write has settled. */
  async finish(): Promise<void> {
    await this.flush();
    while (this.groupsInFlight.size + this.mergesInFlight.size > 0)
      await Promise.all([...this.groupsInFlight, ...this.mergesInFlight]);
  }

  /** Waits for the writes of items that could be this one; the open group is written first. */
  private async waitForClashes(keys: Set<string>): Promise<void> {
    const clashes = new Set<Promise<void>>();
    for (const key of keys) {
      const write = this.writing.get(key);
      if (write) clashes.add(write);
    }
    if (clashes.size === 0) return;
    if (clashes.has(this.open.settled)) await this.flush();
    await Promise.all(clashes);
  }

  private async flush(): Promise<void> {
    const open = this.open;
    if (open.group.creations.length === 0) return;
    this.open = openGroup();
    while (this.groupsInFlight.size >= GROUPS_IN_FLIGHT) await Promise.race(this.groupsInFlight);
    const write = this.writeGroup(open);
    this.groupsInFlight.add(write);
    void write.then(() => this.groupsInFlight.delete(write));
  }

  private async writeGroup({ group, settled, settle }: OpenGroup): Promise<void> {
    try {
      const records = await group.write(this.context);
      records.forEach((record, n) => {
        // A clip: the clip service learns of it from the change, like of any saved clip.
        if (record.type !== 'clip') {
          this.rememberTitle(record);
          this.bodyDigests.set(record, (group.creations[n] as Queued).digest);
        }
        (group.creations[n] as Queued).written();
      });
    } catch (error) {
      for (const queued of group.creations) queued.failed(error);
    } finally {
      for (const queued of group.creations) this.forget(queued.keys, settled);
      settle();
    }
  }

  private forget(keys: Set<string>, write: Promise<void>): void {
    for (const key of keys) if (this.writing.get(key) === write) this.writing.delete(key);
  }

  /** The item already in the library this one is, if any. */
  private async existing(
    item: PreparedFile,
    digest: string,
    problems: ImportProblem[],
  ): Promise<ItemRecord | null> {
    const { store } = this.context;
    if (item.id !== null && !this.made.has(item.id)) {
      const record = store.get(item.id);
      if (record?.type === item.type) return record;
      if (record)
        problems.push({
          subject: item.file,
          code: 'id_taken',
          message: `Its id "${item.id}" is a ${record.type} in the library, not a ${item.type}: imported under a new id.`,
        });
    }
    if (item.type === 'clip') {
      return this.context.clips.clipAt([item.canonicalUrl, item.url]);
    }
    for (const id of this.notesByTitle.get(linkKey(item.title)) ?? []) {
      const record = store.get(id);
      if (record?.type !== 'note' || record.title !== item.title) continue;
      if ((await this.digestOf(record)) === digest) return record;
    }
    return null;
  }

  /** An id for a new item, reserved at once: another file may carry the same id. */
  private freshId(item: PreparedFile, problems: ImportProblem[]): string {
    const id = this.pickId(item, problems);
    this.made.add(id);
    return id;
  }

  private pickId(item: PreparedFile, problems: ImportProblem[]): string {
    const { store } = this.context;
    if (item.id !== null && !store.get(item.id) && !this.made.has(item.id)) return item.id;
    if (item.id !== null && this.made.has(item.id))
      problems.push({
        subject: item.file,
        code: 'duplicate_id',
        message: `Another file of the folder has its id "${item.id}": imported under a new id.`,
      });
    for (;;) {
      const id = this.context.newId();
      if (!store.get(id) && !this.made.has(id)) return id;
    }
  }

  /** The new item `ready` becomes, as a group holds it, and what is told once it is written. */
  private creation(
    id: string,
    ready: ReadyItem,
    problems: ImportProblem[],
  ): { creation: Creation; result: WriteResult } {
    const { item } = ready;
    let creation: Creation;
    let highlights = 0;
    if (item.type === 'clip') {
      const text = ready.article?.text ?? '';
      const anchored = item.highlights.map((h) => this.highlights.anchor(h, text, item, problems));
      creation = clipCreation(id, item, ready, anchored);
      highlights = anchored.length;
    } else creation = noteCreation(id, item, ready);
    const result: WriteResult = {
      outcome: outcome(id, item, 'created'),
      highlights,
      stored: [...ready.attachments.keys()],
      problems,
    };
    return { creation, result };
  }

  private async digestOf(record: NoteRecord): Promise<string> {
    const known = this.bodyDigests.get(record);
    if (known !== undefined) return known;
    const note = await readItem(this.context.store, record);
    const digest = bodyDigest(note.type === 'note' ? note.body : '');
    this.bodyDigests.set(record, digest);
    return digest;
  }

  private rememberTitle(record: NoteRecord): void {
    const key = linkKey(record.title);
    const ids = this.notesByTitle.get(key);
    if (ids) ids.push(record.id);
    else this.notesByTitle.set(key, [record.id]);
  }
}

/**
 * What makes two files possibly the same item: the id they carry, a clip's addresses, a note's
 * title and text together (a note is found by both; many notes may share a title).
 */
function identityKeys(item: PreparedFile, digest: string): Set<string> {
  const keys = new Set<string>();
  if (item.id !== null) keys.add(`id:${item.id}`);
  if (item.type === 'clip') for (const key of urlKeys([item.canonicalUrl, item.url])) keys.add(`url:${key}`);
  else keys.add(`note:${linkKey(item.title)}:${digest}`);
  return keys;
}

function bodyDigest(markdown: string): string {
  return createHash('sha256').update(markdown).digest('base64');
}

function openGroup(): OpenGroup {
  let settle: () => void = noop;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { group: new CreationGroup<Queued>(), settled, settle };
}

function noop(): void {
  // Nothing to do.
}
