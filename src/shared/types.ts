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
  /** Other names `[[links]]` resolve by (notes; empty for clips). */
  aliases: string[];
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
  /** The reader's highlights on this clip, in text order (orphaned ones last). */
  highlights: Highlight[];
}

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * Where a highlight sits in its clip's plain text (`Clip.text`), W3C Web Annotation style: the
 * exact quote with up to 32 characters of context either side (TextQuoteSelector) and its
 * offsets, [start, end) in UTF-16 code units (TextPositionSelector).
 */
export interface TextAnchor {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface Highlight {
  /** Short and stable: `[[Clip title#^id]]` links to it. [a-z0-9]{6,12}. */
  id: string;
  clipId: string;
  /** The clip's title, for lists of highlights across clips. */
  clipTitle: string;
  anchor: TextAnchor;
  color: HighlightColor;
  comment: string;
  created: string;
  updated: string;
  /** The clip's text changed (refresh) and the quote could not be placed again; kept, never dropped. */
  orphaned: boolean;
}

/** A parsed `[[target#heading|alias]]` / `[[target#^block]]`. */
export interface WikiLink {
  /** The text between the brackets, as written. */
  raw: string;
  target: string;
  heading: string | null;
  /** A highlight id (`#^id`). */
  block: string | null;
  alias: string | null;
}

/** An item a link points at or comes from. */
export interface LinkEnd {
  id: string;
  type: ItemType;
  title: string;
}

export interface OutgoingLink extends WikiLink {
  /** null: no item has this title or alias (shown as unresolved; following it creates the note). */
  resolved: LinkEnd | null;
  /** 1-based line of the link in the note. */
  line: number;
}

/** A note linking to (or mentioning) an item, with the line around it. */
export interface LinkContext {
  source: LinkEnd;
  /** The line the link or mention is on, trimmed to about 200 characters around it. */
  context: string;
  line: number;
  /** For backlinks: the link as written. */
  link?: WikiLink;
}

export interface LinksReport {
  id: string;
  outgoing: OutgoingLink[];
  backlinks: LinkContext[];
  unresolved: OutgoingLink[];
  /** Notes that mention the title (or an alias) as plain text, without linking. */
  unlinkedMentions: LinkContext[];
}

/** A `[[` completion: an item whose title or alias matches what was typed. */
export interface LinkCandidate extends LinkEnd {
  /** Set when the match was on an alias: complete to `[[title|alias]]`. */
  alias: string | null;
  score: number;
}

/** A tag with its nested tags; `count` counts items with it or any tag under it. */
export interface TagNode {
  /** The full tag (`sahel/mali`). */
  name: string;
  /** The last part (`mali`). */
  label: string;
  count: number;
  /** Items carrying exactly this tag. */
  own: number;
  children: TagNode[];
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
  | { type: 'progress'; job: string; done: number; total: number; message: string }
  /** A browser extension asks to be paired (requestId, its name, the code it shows), or the request was answered or expired. */
  | { type: 'pairing'; request: PairingRequest | null; requestId: string };

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

/** Where an export goes and what it takes: everything, a tag, a search's results, or some items. */
export interface ExportSummary {
  dir: string;
  /** Items exported (notes, clips). */
  notes: number;
  clips: number;
  /** Markdown files written new or changed, left as they were (same content), and removed (`prune`). */
  written: number;
  unchanged: number;
  removed: number;
  /** Attachments (images and other assets) copied into the export's attachments folder. */
  attachments: number;
  /** Items or files that could not be exported, each with why. */
  problems: ExportProblem[];
  tookMs: number;
}

export interface ExportProblem {
  /** The item id, or the file, concerned. */
  subject: string;
  message: string;
}

export type CitationFormat = 'bibtex' | 'csl-json';

export interface CitationResult {
  format: CitationFormat;
  /** The whole bibliography: BibTeX entries, or a CSL-JSON array as text. */
  text: string;
  /** Each item's citation key (BibTeX) or CSL id, by item id. */
  keys: Record<string, string>;
}

/** What an import did, file by file or entry by entry. */
export interface ImportSummary {
  source: string;
  /** New items made. */
  created: number;
  /** Items already in the library (same id or canonical URL) that were merged (new tags, highlights). */
  merged: number;
  /** Items already in the library left as they were, or entries not imported. */
  skipped: number;
  /** Highlights attached to clips. */
  highlights: number;
  /** Attachments copied into the library. */
  attachments: number;
  /** What could not be imported, and why (not UTF-8, broken front matter, too large, outside the folder…). */
  problems: ImportProblem[];
  /** Each item touched: what happened to it. */
  items: ImportedItem[];
  tookMs: number;
}

export interface ImportProblem {
  /** The file (relative to the imported folder) or the entry (a URL, a line). */
  subject: string;
  code: string;
  message: string;
}

export interface ImportedItem {
  id: string;
  type: ItemType;
  title: string;
  outcome: 'created' | 'merged' | 'skipped';
  /** The file or entry it came from. */
  source: string;
}

export type ReadLaterFormat = 'pocket-html' | 'pocket-csv' | 'omnivore' | 'wallabag' | 'readwise';

/** A browser extension allowed to clip into the library. */
export interface PairedExtension {
  id: string;
  /** As the extension named itself ("Commonplace Clipper for Chromium"). */
  name: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
  paired: string;
  /** The last time it clipped or looked a page up; null if never. */
  lastUsed: string | null;
}

/** An extension waiting for the person to approve or deny it (in memory; expires after 2 minutes). */
export interface PairingRequest {
  requestId: string;
  name: string;
  origin: string;
  /** Six digits, shown in the extension and in the app: the person checks they match. */
  code: string;
  expires: string;
}

/** The local clipper service: where it listens and who may use it. */
export interface ClipperInfo {
  /** null when it is not running (the CLI without `serve`, or the port could not be had). */
  port: number | null;
  extensions: PairedExtension[];
  requests: PairingRequest[];
}
