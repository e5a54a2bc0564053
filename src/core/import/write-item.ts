/**
 * Writing one prepared item: a new note or clip, or — when the library has it already (same id,
 * same canonical URL, or a note with the same title and text) — its new tags, aliases and
 * highlights added to the one there, or nothing. Never an overwrite; a failure leaves no part of
 * the item (no record, no body file, no asset only it used).
 */
import { NotebookError } from '../../shared/errors';
import { applyTagChanges } from '../../shared/tags';
import { anchorQuote } from '../../shared/text-anchor';
import type { ImportedItem, ImportProblem } from '../../shared/types';
import { usedAssets } from '../assets';
import { CLIP_BODY_EXT, serializeClipBody } from '../clip-record';
import { ClipUrls } from '../clip-urls';
import { makeExcerpt } from '../excerpt';
import { newHighlightId } from '../highlights/highlight-id';
import { inTextOrder } from '../highlights/highlight-order';
import type { ClipRecord, HighlightRecord, ItemRecord, NoteRecord } from '../item-record';
import { noteAssets, noteRecord } from '../item-record';
import { readItem } from '../item-read';
import { linkKey, linkTexts, unlinkableCharacters } from '../links/wikilink';
import type { ApiContext } from '../notebook-api';
import type { ExportedHighlight } from './highlights-section';
import type { PreparedClip, PreparedFile, PreparedNote } from './prepare-file';

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

/** What the writer remembers across the items of one import. */
export class ImportWriter {
  /** Ids this import made: a second file with the same id gets a new one. */
  private readonly made = new Set<string>();
  /**
   * Which clip holds a page, built here rather than asked of the clip service: the service's own
   * index, once built, does not learn of clips saved by anything but itself.
   */
  private readonly clipUrls: ClipUrls;
  private readonly highlightIds = new Set<string>();
  private readonly notesByTitle = new Map<string, string[]>();

  constructor(private readonly context: ApiContext) {
    this.clipUrls = new ClipUrls(context.store.allItems());
    for (const record of context.store.allItems()) {
      if (record.type === 'clip') for (const h of record.highlights ?? []) this.highlightIds.add(h.id);
      else this.rememberTitle(record);
    }
  }

  async write(ready: ReadyItem): Promise<WriteResult> {
    const problems: ImportProblem[] = [];
    const { item } = ready;
    const existing = await this.existing(item, ready.markdown, problems);
    if (existing !== null) return this.merge(existing, ready, problems);
    const id = this.freshId(item, problems);
    const batch = this.context.assets.batch();
    try {
      const stored: string[] = [];
      for (const [asset, bytes] of ready.attachments) {
        const ext = asset.slice(asset.lastIndexOf('.') + 1);
        if ((await batch.put(bytes, ext)) !== asset)
          throw new Error(`asset ${asset} stored under another name`);
        stored.push(asset);
      }
      const highlights =
        item.type === 'clip'
          ? await this.create(id, item, ready, problems)
          : await this.createNote(id, item, ready);
      return { outcome: outcome(id, item, 'created'), highlights, stored, problems };
    } catch (error) {
      await batch.discard((asset) => usedAssets(this.context.store).has(asset));
      throw error;
    } finally {
      batch.release();
    }
  }

  /** The item already in the library this one is, if any. */
  private async existing(
    item: PreparedFile,
    markdown: string,
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
      return this.clipUrls.find([item.canonicalUrl, item.url], (id) => store.get(id));
    }
    for (const id of this.notesByTitle.get(linkKey(item.title)) ?? []) {
      const record = store.get(id);
      if (record?.type !== 'note' || record.title !== item.title) continue;
      const note = await readItem(store, record);
      if (note.type === 'note' && note.body === markdown) return record;
    }
    return null;
  }

  /** An id for a new item, reserved at once: writes overlap, and another file may carry the same id. */
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
      if (!store.get(id)) return id;
    }
  }

  private async createNote(id: string, item: PreparedNote, ready: ReadyItem): Promise<number> {
    const { store } = this.context;
    const body = ready.markdown;
    await store.withItem(id, () =>
      store.change({ id, text: body }, (rev, bodyFile) => {
        if (store.get(id)) throw new NotebookError('conflict', `An item with id "${id}" already exists.`);
        const record = noteRecord({
          id,
          rev,
          title: item.title,
          body,
          tags: applyTagChanges([], item.tags, []),
          aliases: linkableAliases(item.aliases),
          created: item.created,
          updated: item.updated,
          deleted: null,
          bodyFile: bodyFile as string,
          links: linkTexts(body),
          assets: noteAssets(body),
        });
        return { put: [record], remove: [], obsoleteBodies: [] };
      }),
    );
    this.made.add(id);
    this.rememberTitle(store.require(id) as NoteRecord);
    return 0;
  }

  private async create(
    id: string,
    item: PreparedClip,
    ready: ReadyItem,
    problems: ImportProblem[],
  ): Promise<number> {
    const { store } = this.context;
    const article = ready.article ?? { html: '', text: '' };
    const highlights = item.highlights.map((h) => this.highlight(h, article.text, item, problems));
    const assets = [...ready.attachments.keys()];
    const text = serializeClipBody({
      html: article.html,
      text: article.text,
      markdown: ready.markdown,
      images: assets.map((asset) => ({ src: asset, asset })),
      citation: item.citation,
      suggestedTags: [],
    });
    await store.withItem(id, () =>
      store.change({ id, text, ext: CLIP_BODY_EXT }, (rev, bodyFile) => {
        if (store.get(id)) throw new NotebookError('conflict', `An item with id "${id}" already exists.`);
        const record: ClipRecord = {
          id,
          type: 'clip',
          title: item.title,
          tags: applyTagChanges([], item.tags, []),
          excerpt: makeExcerpt(article.text),
          created: item.created,
          updated: item.updated,
          deleted: null,
          rev,
          url: item.url,
          canonicalUrl: item.canonicalUrl,
          authors: item.authors,
          siteName: item.siteName,
          published: item.published,
          lang: item.lang,
          clipped: item.clipped,
          highlights: inTextOrder(highlights),
          bodyFile: bodyFile as string,
          assets,
          mode: 'article',
        };
        return { put: [record], remove: [], obsoleteBodies: [] };
      }),
    );
    this.made.add(id);
    this.clipUrls.add(store.require(id) as ClipRecord);
    return highlights.length;
  }

  /** New tags, aliases and highlights added to the item already there; nothing else changes. */
  private async merge(
    current: ItemRecord,
    ready: ReadyItem,
    problems: ImportProblem[],
  ): Promise<WriteResult> {
    const { store, now } = this.context;
    const { item } = ready;
    return store.withItem(current.id, async () => {
      const record = store.require(current.id);
      if (record.deleted !== null) {
        problems.push({
          subject: item.file,
          code: 'in_trash',
          message: `"${record.title}" is in the library's trash: left there as it is.`,
        });
        return {
          outcome: outcome(record.id, item, 'skipped', record.title),
          highlights: 0,
          stored: [],
          problems,
        };
      }
      const tags = applyTagChanges(record.tags, item.tags, []);
      let changed = tags.length !== record.tags.length;
      let added = 0;
      let next: ItemRecord;
      if (record.type === 'note') {
        const known = await readItem(store, record);
        if (known.type === 'note' && known.body !== ready.markdown)
          problems.push({
            subject: item.file,
            code: 'kept_library_version',
            message: `"${record.title}" (${record.id}) is already in the library with other text: the library's text is kept.`,
          });
        const aliases = mergeAliases(record.aliases ?? [], linkableAliases(item.aliases));
        changed ||= aliases.length !== (record.aliases ?? []).length;
        next = { ...record, tags, aliases };
      } else {
        const clip = await readItem(store, record);
        const text = clip.type === 'clip' ? clip.text : '';
        const have = record.highlights ?? [];
        const fresh = (item.type === 'clip' ? item.highlights : [])
          .filter((h) => !have.some((old) => old.id === h.id || sameQuote(old.anchor.quote, h.quote)))
          .map((h) => this.highlight(h, text, item, problems));
        added = fresh.length;
        changed ||= added > 0;
        next = { ...record, tags, highlights: inTextOrder([...have, ...fresh]) };
      }
      if (!changed)
        return {
          outcome: outcome(record.id, item, 'skipped', record.title),
          highlights: 0,
          stored: [],
          problems,
        };
      await store.change(null, (rev) => {
        if (store.get(record.id) !== record)
          throw new NotebookError('conflict', `"${record.title}" changed during the import.`);
        return { put: [{ ...next, updated: now(), rev }], remove: [], obsoleteBodies: [] };
      });
      return {
        outcome: outcome(record.id, item, 'merged', record.title),
        highlights: added,
        stored: [],
        problems,
      };
    });
  }

  /** A highlight of the exported clip, anchored in `text`: its id kept when free, orphaned when its quote is not there. */
  private highlight(
    h: ExportedHighlight,
    text: string,
    item: PreparedFile,
    problems: ImportProblem[],
  ): HighlightRecord {
    const id = /^[a-z0-9]{6,12}$/.test(h.id) && !this.highlightIds.has(h.id) ? h.id : this.newHighlightId();
    this.highlightIds.add(id);
    const anchor = h.orphaned ? null : anchorQuote(text, h.quote);
    if (anchor === null && !h.orphaned)
      problems.push({
        subject: item.file,
        code: 'highlight_not_found',
        message: `The highlight ^${h.id} is not in the article's text: kept, marked orphaned.`,
      });
    const created = item.type === 'clip' ? item.clipped : item.created;
    return {
      id,
      anchor: anchor ?? { quote: h.quote, prefix: '', suffix: '', start: 0, end: 0 },
      color: 'yellow',
      comment: h.comment,
      created,
      updated: created,
      orphaned: anchor === null,
    };
  }

  private newHighlightId(): string {
    for (;;) {
      const id = newHighlightId(this.context.store);
      if (!this.highlightIds.has(id)) return id;
    }
  }

  private rememberTitle(record: NoteRecord): void {
    const key = linkKey(record.title);
    const ids = this.notesByTitle.get(key);
    if (ids) ids.push(record.id);
    else this.notesByTitle.set(key, [record.id]);
  }
}

function outcome(
  id: string,
  item: PreparedFile,
  result: ImportedItem['outcome'],
  title = item.title,
): ImportedItem {
  return { id, type: item.type, title, outcome: result, source: item.file };
}

function linkableAliases(aliases: readonly string[]): string[] {
  return mergeAliases(
    [],
    aliases.filter((alias) => unlinkableCharacters(alias).length === 0),
  );
}

function mergeAliases(current: readonly string[], add: readonly string[]): string[] {
  const seen = new Set(current.map(linkKey));
  const result = [...current];
  for (const raw of add) {
    const alias = raw.trim();
    const key = linkKey(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(alias);
  }
  return result;
}

function sameQuote(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}
