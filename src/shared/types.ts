/** Domain types shared by the core, every door and the renderer. Dates are ISO 8601 strings. */

export type ItemType = 'note' | 'clip';

/** What every list row has, whatever the item's type. */
export interface ItemBase {
  id: string;
  type: ItemType;
  title: string;
  tags: string[];
  /** First words of the body, for list rows. */
  excerpt: string;
  created: string;
  updated: string;
  /** When the item was moved to the trash; null while it is in the library. */
  deleted: string | null;
  /** The store revision of the item's last change. */
  rev: number;
}

export interface NoteSummary extends ItemBase {
  type: 'note';
}

export interface Note extends NoteSummary {
  /** Markdown. */
  body: string;
}

/** Bibliographic fields a page declares (citation_* meta, JSON-LD, DOI links); absent keys are unknown. */
export interface Citation {
  /** CSL-style type: 'article-journal', 'article-newspaper', 'post-weblog', 'webpage', … */
  type?: string;
  doi?: string;
  journal?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  firstPage?: string;
  lastPage?: string;
  issn?: string;
  isbn?: string;
  pdfUrl?: string;
}

/** One image of a clip: where it came from and the library asset that holds it offline. */
export interface ClipImage {
  /** The absolute URL the page used. */
  src: string;
  /** `assets/<sha256>.<ext>` inside the library, or null when it could not be stored. */
  asset: string | null;
  /** Why it could not be stored (too large, not an image, HTTP 404, …). */
  error?: string;
}

/** A clip as a list row: everything but the article itself. */
export interface ClipSummary extends ItemBase {
  type: 'clip';
  /** The address it was clipped from (as given, after redirects). */
  url: string;
  /** rel=canonical or the URL without tracking parameters: how duplicates are found. */
  canonicalUrl: string;
  authors: string[];
  siteName: string | null;
  /** The calendar date it was published (ISO 8601 `YYYY-MM-DD`, or `YYYY-MM`/`YYYY` if the page says no more). */
  published: string | null;
  lang: string | null;
  /** When it was clipped (ISO 8601). */
  clipped: string;
}

export interface Clip extends ClipSummary {
  /** Sanitised article HTML; images point at `assets/…` in the library. */
  html: string;
  /** The article as plain text, paragraphs separated by blank lines, without the title. */
  text: string;
  /** The article as Markdown (GFM). */
  markdown: string;
  images: ClipImage[];
  citation: Citation | null;
  /** Tags the page suggests (its keywords and labels), not yet applied. */
  suggestedTags: string[];
}

export type ItemSummary = NoteSummary | ClipSummary;
export type Item = Note | Clip;

export type ListView = 'all' | 'notes' | 'clips' | 'trash';

/** What clipping did: a new clip, the existing one (duplicate), or the existing one refreshed. */
export interface ClipResult {
  clip: Clip;
  duplicate: boolean;
  refreshed: boolean;
}

export interface ItemPage {
  total: number;
  offset: number;
  items: ItemSummary[];
}

export interface TagCount {
  name: string;
  count: number;
}

/** A damaged store file that was kept aside while the library opened from its last good copy. */
export interface Recovery {
  file: string;
  keptAs: string;
  restoredFrom: string | null;
  at: string;
}

export interface LibraryInfo {
  dir: string;
  schemaVersion: number;
  rev: number;
  counts: { items: number; notes: number; clips: number; trash: number };
  /** Files recovered while opening this session. */
  recoveries: Recovery[];
}

export interface CheckProblem {
  code: string;
  message: string;
  path?: string;
}

export interface CheckReport {
  ok: boolean;
  checked: { items: number; files: number };
  problems: CheckProblem[];
}

/** Events pushed from the core to the doors (IPC `send`, SSE). */
export type NotebookEvent =
  | { type: 'items-changed'; ids: string[]; rev: number }
  | { type: 'progress'; job: string; done: number; total: number; message: string };

/** What the search box finds: notes, clips (and, once they exist, highlights). */
export type HitType = 'note' | 'clip' | 'highlight';

export interface SearchHit {
  /** The item's id (for a highlight, its clip's id; `highlightId` names the highlight). */
  id: string;
  type: HitType;
  highlightId?: string;
  title: string;
  /** A short passage around the best match, HTML-escaped, with matched words in `<mark>…</mark>`. */
  snippet: string;
  /** Relevance: higher is better; only comparable within one answer. */
  score: number;
  tags: string[];
  updated: string;
  /** Clips: where and when it was published. */
  siteName?: string | null;
  published?: string | null;
  /** The words (as written in the item) that matched, for marking them in the reader or editor. */
  matches: string[];
}

/** Whether the index is ready, or being (re)built in the background. */
export interface IndexStatus {
  state: 'ready' | 'building';
  done: number;
  total: number;
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  index: IndexStatus;
  hits: SearchHit[];
}

export interface SavedSearch {
  id: string;
  name: string;
  query: string;
}
