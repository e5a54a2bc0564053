/**
 * The NotebookApi contract: the one list of what a person can do with a library.
 * The preload bridge, the IPC binding, the HTTP routes, the renderer client and the CLI
 * are all derived from `apiMethods` — never from hand-typed channel names.
 */
import { z } from 'zod';
import { NotebookError } from './errors';
import { HIGHLIGHT_COLORS } from './types';
import type {
  CheckReport,
  ClipResult,
  CitationResult,
  ClipperInfo,
  PairedExtension,
  ClipSummary,
  ExportSummary,
  Highlight,
  ImportSummary,
  Item,
  LinkCandidate,
  LinksReport,
  ItemPage,
  ItemSummary,
  LibraryInfo,
  SavedSearch,
  SearchResult,
  NotebookEvent,
  TagCount,
  TagNode,
} from './types';

export const MAX_TITLE_LENGTH = 1_000;
export const MAX_BODY_LENGTH = 10_000_000;
export const MAX_PAGE_SIZE = 1_000;
export const MAX_CLIP_HTML_LENGTH = 20_000_000;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'an item id');
const title = z.string().max(MAX_TITLE_LENGTH);
const body = z.string().max(MAX_BODY_LENGTH);
const tag = z.string().min(1).max(200);
const tags = z.array(tag).max(1_000);
const aliases = z.array(z.string().trim().min(1).max(MAX_TITLE_LENGTH)).max(100);
const highlightId = z.string().regex(/^[a-z0-9]{6,12}$/, 'a highlight id');
const color = z.enum(HIGHLIGHT_COLORS);
const comment = z.string().max(20_000);
const folder = z.string().trim().min(1).max(4_096);

/** Argument schemas, one per method. Each method takes a single object. */
export const apiMethods = {
  getLibraryInfo: {
    doc: 'Where the library is, its schema version, revision, counts and any recovered files.',
    args: z.object({}).strict(),
  },
  listItems: {
    doc: 'A page of item summaries, most recently updated first.',
    args: z
      .object({
        view: z.enum(['all', 'notes', 'clips', 'trash']).default('all'),
        tag: tag.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
      })
      .strict(),
  },
  getItem: {
    doc: 'One item with its body.',
    args: z.object({ id }).strict(),
  },
  createNote: {
    doc: 'Create a Markdown note.',
    args: z.object({ title: title.default(''), body: body.default(''), tags: tags.default([]) }).strict(),
  },
  updateNote: {
    doc: "Change a note's title, body and/or aliases. With baseRev, refuses (conflict) if the note changed since. A new title does not touch links to the note: renameItem does.",
    args: z
      .object({
        id,
        title: title.optional(),
        body: body.optional(),
        aliases: aliases.optional(),
        baseRev: z.number().int().min(0).optional(),
      })
      .strict(),
  },
  renameItem: {
    doc: 'Give a note or clip a new title and rewrite every [[link]] to it (keeping headings, highlight refs and shown text). With dryRun, only counts the notes and links that would change.',
    args: z.object({ id, title: title.trim().min(1), dryRun: z.boolean().default(false) }).strict(),
  },
  getLinks: {
    doc: "An item's outgoing links (resolved or not), backlinks with the line around each, and unlinked mentions of its title.",
    args: z.object({ id }).strict(),
  },
  completeLinks: {
    doc: 'Items whose title or alias matches what follows `[[` (fuzzy, case- and accent-insensitive), best first.',
    args: z
      .object({
        query: z.string().max(MAX_TITLE_LENGTH),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .strict(),
  },
  linkMention: {
    doc: 'Turn an unlinked mention of an item in a note into a [[link]] (the mention on `line`, or the first one).',
    args: z.object({ noteId: id, targetId: id, line: z.number().int().min(1).optional() }).strict(),
  },
  addHighlight: {
    doc: "Highlight a passage of a clip: `quote` must occur in the clip's text; `prefix`/`suffix`/`start` pick among several occurrences.",
    args: z
      .object({
        clipId: id,
        quote: z.string().min(1).max(20_000),
        prefix: z.string().max(200).optional(),
        suffix: z.string().max(200).optional(),
        start: z.number().int().min(0).optional(),
        color: color.default('yellow'),
        comment: comment.default(''),
      })
      .strict(),
  },
  updateHighlight: {
    doc: "Change a highlight's colour and/or comment.",
    args: z
      .object({ clipId: id, highlightId, color: color.optional(), comment: comment.optional() })
      .strict(),
  },
  removeHighlight: {
    doc: 'Remove a highlight.',
    args: z.object({ clipId: id, highlightId }).strict(),
  },
  listHighlights: {
    doc: "A clip's highlights in text order, or (without clipId) every highlight in the library, newest first.",
    args: z
      .object({
        clipId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
      })
      .strict(),
  },
  tagItem: {
    doc: 'Add and/or remove tags on an item.',
    args: z.object({ id, add: tags.default([]), remove: tags.default([]) }).strict(),
  },
  trashItem: {
    doc: 'Move an item to the trash.',
    args: z.object({ id }).strict(),
  },
  restoreItem: {
    doc: 'Bring an item back from the trash.',
    args: z.object({ id }).strict(),
  },
  emptyTrash: {
    doc: 'Delete every item in the trash for good.',
    args: z.object({}).strict(),
  },
  listTags: {
    doc: 'Every tag on items outside the trash, with how many items carry it, flat and as a tree (counts include nested tags).',
    args: z.object({}).strict(),
  },
  tagItems: {
    doc: 'Add and/or remove tags on many items at once (trashed ones are skipped).',
    args: z
      .object({ ids: z.array(id).min(1).max(50_000), add: tags.default([]), remove: tags.default([]) })
      .strict(),
  },
  renameTag: {
    doc: 'Rename a tag and the tags nested under it on every item (trash included). Renaming onto an existing tag merges them.',
    args: z.object({ from: tag, to: tag }).strict(),
  },
  mergeTags: {
    doc: 'Merge tag `from` (and its nested tags) into `into` on every item.',
    args: z.object({ from: tag, into: tag }).strict(),
  },
  deleteTag: {
    doc: 'Remove a tag and the tags nested under it from every item.',
    args: z.object({ tag }).strict(),
  },
  clip: {
    doc: 'Clip a web page: fetch `url`, or take `html` (with `url` as its address). Returns the existing clip if the page is already in the library, unless `refresh` is true.',
    args: z
      .object({
        url: z.string().max(8_192).optional(),
        html: z.string().max(MAX_CLIP_HTML_LENGTH).optional(),
        tags: tags.default([]),
        mode: z.enum(['article', 'page']).default('article'),
        refresh: z.boolean().default(false),
        /**
         * The page's images as the browser already has them (a browser extension reads them in the
         * page, cookies and all): used instead of downloading those addresses. Base64 data.
         */
        images: z
          .array(
            z
              .object({
                src: z.string().min(1).max(8_192),
                type: z.string().max(100),
                data: z.string().max(14_000_000),
              })
              .strict(),
          )
          .max(200)
          .optional(),
      })
      .strict()
      .refine((a) => a.url !== undefined || a.html !== undefined, 'give a url, or html'),
  },
  findClip: {
    doc: 'The clip of a page (by canonical URL, tracking parameters ignored), or null.',
    args: z.object({ url: z.string().min(1).max(8_192) }).strict(),
  },
  refreshClip: {
    doc: "Fetch a clip's page again and replace its article, keeping its id, tags and dates.",
    args: z.object({ id }).strict(),
  },
  search: {
    doc: 'Full-text search over notes and clips, best first, with snippets. Supports tag:, type:, site:, author:, before:, after:, "phrases", -exclusions and OR.',
    args: z
      .object({
        query: z.string().max(2_000),
        limit: z.number().int().min(1).max(200).default(20),
        offset: z.number().int().min(0).max(10_000).default(0),
      })
      .strict(),
  },
  listSavedSearches: {
    doc: 'The searches saved to the sidebar.',
    args: z.object({}).strict(),
  },
  saveSearch: {
    doc: 'Save a search to the sidebar under a name.',
    args: z
      .object({ name: z.string().trim().min(1).max(200), query: z.string().trim().min(1).max(2_000) })
      .strict(),
  },
  deleteSavedSearch: {
    doc: 'Remove a saved search.',
    args: z.object({ id }).strict(),
  },
  exportMarkdown: {
    doc: 'Export notes and clips to a folder as Markdown files with YAML front matter (Obsidian-compatible): everything, or the items of `ids`, a `tag` (with nested tags) or a search `query`. Exporting again updates the same files; `prune` removes the files of items no longer exported. Progress events: job "export".',
    args: z
      .object({
        dir: folder,
        ids: z.array(id).max(100_000).optional(),
        tag: tag.optional(),
        query: z.string().max(2_000).optional(),
        prune: z.boolean().default(false),
      })
      .strict(),
  },
  itemMarkdown: {
    doc: 'One item as the Markdown file an export would write (front matter, body; a clip with its highlights): for "Copy as Markdown".',
    args: z.object({ id }).strict(),
  },
  cite: {
    doc: 'Citations of clips (and notes) as BibTeX or CSL-JSON, from the citation fields and page metadata.',
    args: z
      .object({
        ids: z.array(id).min(1).max(10_000),
        format: z.enum(['bibtex', 'csl-json']).default('bibtex'),
      })
      .strict(),
  },
  importMarkdown: {
    doc: 'Import a folder of Markdown files (an Obsidian vault, or a Commonplace export): notes with their front matter, links and attachments. Never overwrites: an item already in the library is merged or skipped. Progress events: job "import".',
    args: z.object({ dir: folder }).strict(),
  },
  importReadLater: {
    doc: 'Import a read-it-later export (Pocket HTML or CSV, Omnivore\'s zip, Wallabag JSON, Readwise CSV): each URL becomes a clip (fetched when reachable unless `fetch` is false, else a link-only clip with any saved text), highlights attached. Progress events: job "import".',
    args: z
      .object({
        file: folder,
        format: z.enum(['pocket-html', 'pocket-csv', 'omnivore', 'wallabag', 'readwise']).optional(),
        fetch: z.boolean().default(true),
      })
      .strict(),
  },
  getClipperInfo: {
    doc: 'The local clipper service for browser extensions: its port, the paired extensions and the pairing requests waiting for an answer.',
    args: z.object({}).strict(),
  },
  answerPairing: {
    doc: "Approve or deny an extension's pairing request (the code it shows must match the app's).",
    args: z.object({ requestId: z.string().min(1).max(64), approve: z.boolean() }).strict(),
  },
  revokeExtension: {
    doc: 'Cut a paired extension off: its token stops working at once.',
    args: z.object({ id }).strict(),
  },
  checkLibrary: {
    doc: 'Verify every store file, body file and the lock; report what is wrong.',
    args: z.object({}).strict(),
  },
} as const satisfies Record<string, { doc: string; args: z.ZodType }>;

export type MethodName = keyof typeof apiMethods;
export type ArgsIn<M extends MethodName> = z.input<(typeof apiMethods)[M]['args']>;
export type Args<M extends MethodName> = z.output<(typeof apiMethods)[M]['args']>;

/** What each method returns. */
export interface ApiResults {
  getLibraryInfo: LibraryInfo;
  listItems: ItemPage;
  getItem: Item;
  createNote: Item;
  updateNote: Item;
  renameItem: { item: ItemSummary; notesChanged: number; linksChanged: number; dryRun: boolean };
  getLinks: LinksReport;
  completeLinks: { candidates: LinkCandidate[] };
  linkMention: Item;
  addHighlight: Highlight;
  updateHighlight: Highlight;
  removeHighlight: { removed: boolean };
  listHighlights: { total: number; highlights: Highlight[] };
  tagItem: Item;
  trashItem: ItemSummary;
  restoreItem: ItemSummary;
  emptyTrash: { purged: number };
  listTags: { tags: TagCount[]; tree: TagNode[] };
  tagItems: { changed: number };
  renameTag: { changed: number };
  mergeTags: { changed: number };
  deleteTag: { changed: number };
  clip: ClipResult;
  findClip: { clip: ClipSummary | null };
  refreshClip: ClipResult;
  search: SearchResult;
  listSavedSearches: { searches: SavedSearch[] };
  saveSearch: SavedSearch;
  deleteSavedSearch: { deleted: boolean };
  exportMarkdown: ExportSummary;
  itemMarkdown: { id: string; fileName: string; markdown: string };
  cite: CitationResult;
  importMarkdown: ImportSummary;
  importReadLater: ImportSummary;
  getClipperInfo: ClipperInfo;
  answerPairing: { extension: PairedExtension | null };
  revokeExtension: { revoked: boolean };
  checkLibrary: CheckReport;
}

/** The core implements this with parsed (defaulted) arguments. */
export type NotebookApi = { [M in MethodName]: (args: Args<M>) => Promise<ApiResults[M]> };

/** Callers (renderer, HTTP client) pass arguments before defaults are applied. */
export type NotebookClient = { [M in MethodName]: (args: ArgsIn<M>) => Promise<ApiResults[M]> } & {
  /** Subscribe to change and progress events; returns the unsubscribe function. */
  onEvent(listener: (event: NotebookEvent) => void): () => void;
};

// Compile-time completeness: every method has a result type and every result type a schema.
type MissingResults = Exclude<MethodName, keyof ApiResults>;
type MissingSchemas = Exclude<keyof ApiResults, MethodName>;
const complete: [MissingResults, MissingSchemas] extends [never, never] ? true : never = true;
void complete;

/** The runtime list of methods, in declaration order. */
export const methodNames = Object.keys(apiMethods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(apiMethods, name);
}

/** Validates untrusted arguments for a method; throws `invalid_argument` naming the first problem. */
export function parseArgs<M extends MethodName>(method: M, raw: unknown): Args<M> {
  const result = apiMethods[method].args.safeParse(raw ?? {});
  if (result.success) return result.data as Args<M>;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new NotebookError(
    'invalid_argument',
    `Bad arguments for ${method}: ${where}${issue?.message ?? 'invalid'}`,
  );
}

/** The one way any door calls the notebook: look up the method, validate, call. */
export async function dispatch(api: NotebookApi, method: string, raw: unknown): Promise<unknown> {
  if (!isMethodName(method))
    throw new NotebookError('unknown_method', `There is no method called "${method}".`);
  const args = parseArgs(method, raw);
  return (api[method] as (a: typeof args) => Promise<unknown>)(args);
}

/** JSON Schema of every method's arguments, for `GET /api`. */
export function describeApi(): { methods: { name: MethodName; doc: string; args: unknown }[] } {
  return {
    methods: methodNames.map((name) => ({
      name,
      doc: apiMethods[name].doc,
      args: z.toJSONSchema(apiMethods[name].args, { io: 'input' }),
    })),
  };
}

/** The IPC channel a method travels on; derived, never typed by hand. */
export const ipcChannel = (method: MethodName): string => `notebook:${method}`;
export const IPC_EVENT_CHANNEL = 'notebook:event';
