/**
 * Clipping: fetch (unless the HTML is given) → extract → download the images into assets (or take
 * the bytes the browser supplied) → point the article at them → save the clip like any item.
 * Duplicates (same canonical URL, or the same address without tracking parameters) are answered
 * with the clip already there, without fetching when the address alone tells. Nothing half-made
 * stays: a failure removes the assets this clip wrote that nothing else uses, and no record or body
 * file is written.
 */
import type { Args } from '../shared/api';
import { NotebookError } from '../shared/errors';
import { applyTagChanges } from '../shared/tags';
import type { ClipResult, ClipSummary } from '../shared/types';
import type { AssetBatch, AssetStore } from './assets';
import { usedAssets } from './assets';
import { downloadImages, providedImages, type ImageLimits, type ProvidedImage } from './clip-images';
import {
  CLIP_BODY_EXT,
  CLIP_BODY_VERSION,
  articleFields,
  serializeClipBody,
  type ClipBody,
} from './clip-record';
import { ClipUrls, urlKeys } from './clip-urls';
import { decodeHtml } from './clipper/charset';
import type { Extracted } from './clipper/extract';
import { createExtractor, type Extractor } from './clipper/extractor';
import { fetchPage, parseWebUrl } from './clipper/fetch-page';
import type { Article } from './import/markdown-html';
import type { FileToLoad, Loaded, Looked } from './import/prepare-file';
import { reanchorHighlights } from './highlights/highlight-order';
import type { ClipRecord } from './item-record';
import { toSummary } from './item-record';
import { clipWithBody, displayTitle, readItem, refuseTrashed, requireUnchanged } from './item-read';
import type { Store } from './store';

/** Limits for clipping; tests pass short timeouts. */
export interface ClipperOptions {
  /** Per fetch (the page, each image). Default 20 s. */
  timeoutMs?: number;
  /** Default 10 MiB. */
  maxPageBytes?: number;
  /** Default 10 MiB. */
  maxImageBytes?: number;
  /** All of a clip's images. Default 50 MiB. */
  maxClipBytes?: number;
  /** Default 100. */
  maxImages?: number;
  /** Run extraction in a worker thread (the extractor's default when absent). */
  inWorker?: boolean;
}

export interface ClipContext {
  store: Store;
  assets: AssetStore;
  now: () => string;
  newId: () => string;
  options?: ClipperOptions;
}

const MIB = 1024 * 1024;

interface Page {
  html: string;
  /** After redirects; null for HTML given without an address. */
  url: string | null;
}

/** Where a clip's article goes: a new clip unless the page is known, or the article of a known clip. */
type Target =
  { kind: 'clip'; refresh: boolean; urls: (string | null | undefined)[] } | { kind: 'refresh'; id: string };

export class ClipService {
  private urlIndex: ClipUrls | null = null;
  private readonly limits: ImageLimits & { maxPageBytes: number };
  private extractor: Extractor | null = null;
  private readonly stopping = new AbortController();
  // Saving (the last duplicate check and the write) runs one clip at a time, so two clips of one
  // page started together still make one clip.
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly context: ClipContext) {
    // Clips saved by anything else (an import) answer for their pages too.
    context.store.onEvent((event) => {
      if (event.type !== 'items-changed' || this.urlIndex === null) return;
      for (const id of event.ids) {
        const record = context.store.get(id);
        if (record?.type === 'clip') this.urlIndex.add(record);
      }
    });
    const options = context.options ?? {};
    this.limits = {
      timeoutMs: options.timeoutMs ?? 20_000,
      maxPageBytes: options.maxPageBytes ?? 10 * MIB,
      maxImageBytes: options.maxImageBytes ?? 10 * MIB,
      maxClipBytes: options.maxClipBytes ?? 50 * MIB,
      maxImages: options.maxImages ?? 100,
    };
  }

  async clip({ url, html, tags, mode, refresh, images }: Args<'clip'>): Promise<ClipResult> {
    const cleanTags = applyTagChanges([], tags, []);
    if (url !== undefined) parseWebUrl(url);
    const known = url === undefined ? null : this.urls.find([url], this.get);
    if (known && !refresh) return this.duplicate(known);
    // Refused now rather than after downloading the page and its images.
    if (known && refresh) refuseTrashed(known, 'refresh');
    const page = html === undefined ? await this.fetchHtml(url as string) : { html, url: url ?? null };
    const provided = images === undefined ? undefined : providedImages(images, page.url);
    return this.clipPage(page, mode, cleanTags, { kind: 'clip', refresh, urls: [url, page.url] }, provided);
  }

  /** The clip (in the trash or not) holding any of these addresses, or null — whoever saved it. */
  clipAt(urls: readonly (string | null | undefined)[]): ClipRecord | null {
    return this.urls.find(urls, this.get);
  }

  async findClip({ url }: Args<'findClip'>): Promise<{ clip: ClipSummary | null }> {
    if (urlKeys([url]).length === 0) {
      throw new NotebookError('invalid_argument', `"${url.slice(0, 200)}" is not an http or https address.`);
    }
    const record = this.urls.find([url], this.get);
    return { clip: record === null ? null : (toSummary(record) as ClipSummary) };
  }

  async refreshClip({ id }: Args<'refreshClip'>): Promise<ClipResult> {
    const record = this.context.store.require(id);
    if (record.type !== 'clip') {
      throw new NotebookError(
        'invalid_argument',
        `"${displayTitle(record)}" is a note: only clips can be refreshed.`,
      );
    }
    refuseTrashed(record, 'refresh');
    if (record.url === '') {
      throw new NotebookError(
        'invalid_argument',
        `"${displayTitle(record)}" was clipped from HTML without an address: there is no page to fetch again.`,
      );
    }
    const page = await this.fetchHtml(record.url);
    return this.clipPage(page, record.mode, [], { kind: 'refresh', id });
  }

  /** An imported clip's article from its Markdown, rendered where articles are extracted. */
  renderArticle(markdown: string): Promise<Article> {
    return this.extractorInUse().markdownToArticle(markdown);
  }

  /** An import's first look at some Markdown files (see lookAtFiles), taken where articles are extracted. */
  lookAtImportFiles(root: string, files: readonly string[]): Promise<Looked[]> {
    return this.extractorInUse().lookAtFiles(root, files);
  }

  /** Imported Markdown files read and prepared (see loadFiles), where articles are extracted. */
  loadImportFiles(root: string, files: readonly FileToLoad[], bodyTags: boolean): Promise<Loaded[]> {
    return this.extractorInUse().loadFiles(root, files, bodyTags);
  }

  /** Stops downloads in progress (their clips fail and leave nothing behind). */
  abort(): void {
    this.stopping.abort();
  }

  async close(): Promise<void> {
    const extractor = this.extractor;
    this.extractor = null;
    await extractor?.close();
  }

  // The worker starts with the first clip or imported article, not with the library.
  private extractorInUse(): Extractor {
    return (this.extractor ??= createExtractor(
      this.context.options?.inWorker === undefined ? {} : { inWorker: this.context.options.inWorker },
    ));
  }

  // Built on first use, so opening a library for anything but clipping does not pay for it.
  private get urls(): ClipUrls {
    return (this.urlIndex ??= new ClipUrls(this.context.store.allItems()));
  }

  private readonly get = (id: string): ReturnType<Store['get']> => this.context.store.get(id);

  private async fetchHtml(url: string): Promise<Page> {
    this.progress(0, 3, 'Fetching the page');
    const fetched = await fetchPage(url, {
      accept: 'html',
      timeoutMs: this.limits.timeoutMs,
      maxBytes: this.limits.maxPageBytes,
      signal: this.stopping.signal,
    });
    return { html: decodeHtml(fetched.bytes, fetched.contentType), url: fetched.url };
  }

  private async clipPage(
    page: Page,
    mode: 'article' | 'page',
    tags: string[],
    target: Target,
    provided?: ReadonlyMap<string, ProvidedImage>,
  ): Promise<ClipResult> {
    this.progress(1, 3, 'Extracting the article');
    const extractor = this.extractorInUse();
    const extracted = await extractor.extract({ html: page.html, url: page.url, mode });
    if (target.kind === 'clip' && !target.refresh) {
      const known = this.urls.find([extracted.canonicalUrl, ...target.urls], this.get);
      if (known) return this.duplicate(known);
    }
    const total = 3 + Math.min(extracted.images.length, this.limits.maxImages);
    const batch = this.context.assets.batch();
    try {
      const images = await downloadImages(extracted.images, batch, {
        limits: this.limits,
        signal: this.stopping.signal,
        ...(page.url === null ? {} : { referer: page.url }),
        ...(provided === undefined ? {} : { provided }),
        onImage: (done, count) => this.progress(2 + done, total, `Downloading images ${done}/${count}`),
      });
      const assets = new Map(images.map((image) => [image.src, image.asset]));
      const rewritten = await extractor.withImageAssets(extracted, assets);
      const body = {
        ...rewritten,
        text: extracted.text,
        images,
        citation: extracted.citation,
        suggestedTags: extracted.suggestedTags,
      };
      this.progress(total - 1, total, 'Saving the clip');
      const result = await this.serialSave(() => this.save(page, mode, extracted, body, tags, target, batch));
      this.progress(total, total, result.duplicate ? 'Already in your library' : 'Saved');
      return result;
    } catch (error) {
      await batch.discard(this.inUse);
      throw error;
    } finally {
      batch.release();
    }
  }

  private async save(
    page: Page,
    mode: 'article' | 'page',
    extracted: Extracted,
    body: Omit<ClipBody, 'version'>,
    tags: string[],
    target: Target,
    batch: AssetBatch,
  ): Promise<ClipResult> {
    const { store } = this.context;
    const known =
      target.kind === 'refresh'
        ? store.require(target.id)
        : this.urls.find([extracted.canonicalUrl, ...target.urls], this.get);
    if (known !== null && target.kind === 'clip' && !target.refresh) {
      await batch.discard(this.inUse);
      return this.duplicate(known as ClipRecord);
    }
    const fields = articleFields(page.url, mode, extracted, body.images);
    const text = serializeClipBody(body);
    if (known === null) {
      const id = this.context.newId();
      return store.withItem(id, async () => {
        await store.change({ id, text, ext: CLIP_BODY_EXT }, (rev, bodyFile) => {
          if (store.get(id)) throw new NotebookError('conflict', `An item with id "${id}" already exists.`);
          const created = this.context.now();
          const record: ClipRecord = {
            id,
            type: 'clip',
            ...fields,
            tags,
            created,
            updated: created,
            deleted: null,
            rev,
            clipped: created,
            bodyFile: bodyFile as string,
          };
          return { put: [record], remove: [], obsoleteBodies: [] };
        });
        return this.saved(id, body, false);
      });
    }
    return store.withItem(known.id, async () => {
      const current = store.require(known.id);
      if (current.type !== 'clip')
        throw new NotebookError('conflict', `"${displayTitle(current)}" is not a clip.`);
      refuseTrashed(current, 'refresh');
      // The highlights stay, placed again in the new text (or orphaned).
      const highlights =
        current.highlights === undefined
          ? {}
          : { highlights: reanchorHighlights(current.highlights, body.text) };
      await store.change({ id: current.id, text, ext: CLIP_BODY_EXT }, (rev, bodyFile) => {
        requireUnchanged(store, current);
        const record: ClipRecord = {
          ...current,
          ...fields,
          ...highlights,
          tags: applyTagChanges(current.tags, tags, []),
          updated: this.context.now(),
          rev,
          bodyFile: bodyFile as string,
        };
        return { put: [record], remove: [], obsoleteBodies: [current.bodyFile] };
      });
      // The replaced article's images that no clip uses any more.
      await this.context.assets.removeUnused(current.assets, this.inUse);
      return this.saved(current.id, body, true);
    });
  }

  private saved(id: string, body: Omit<ClipBody, 'version'>, refreshed: boolean): ClipResult {
    const record = this.context.store.require(id) as ClipRecord;
    this.urls.add(record);
    return {
      clip: clipWithBody(record, { version: CLIP_BODY_VERSION, ...body }),
      duplicate: false,
      refreshed,
    };
  }

  private async duplicate(record: ClipRecord): Promise<ClipResult> {
    const clip = await readItem(this.context.store, record);
    if (clip.type !== 'clip') throw new Error('not a clip');
    this.progress(1, 1, 'Already in your library');
    return { clip, duplicate: true, refreshed: false };
  }

  private serialSave<T>(work: () => Promise<T>): Promise<T> {
    const run = this.saving.then(work, work);
    this.saving = run.catch(() => undefined);
    return run;
  }

  private readonly inUse = (asset: string): boolean => usedAssets(this.context.store).has(asset);

  private progress(done: number, total: number, message: string): void {
    this.context.store.emit({ type: 'progress', job: 'clip', done, total, message });
  }
}
