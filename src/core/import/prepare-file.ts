/**
 * One Markdown file made ready to write, before anything is written: decoded, its front matter
 * read, its title, tags, aliases and dates settled, and — for a clip from a Commonplace export —
 * its article rendered and its highlights read back.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from '../../shared/api';
import { normalizeTag } from '../../shared/tags';
import type { Citation, ImportProblem } from '../../shared/types';
import { urlKeys } from '../clip-urls';
import type { ClipFields } from '../export/format';
import { scanLines } from '../links/wikilink';
import { decodeText } from './decode-text';
import { dateValue, listValue, otherProperties, splitFrontMatter, textValue } from './front-matter';
import type { ExportedHighlight } from './highlights-section';
import { splitHighlights } from './highlights-section';
import { readInsideNow } from './read-file';
import { MARKDOWN_FILE } from './scan-folder';

/** The most bytes a Markdown file can have and still fit MAX_BODY_LENGTH (3 UTF-8 bytes per UTF-16 unit at worst). */
const MAX_MARKDOWN_BYTES = MAX_BODY_LENGTH * 3;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** What the first pass learns of a file: enough to resolve links to it. */
export interface FileHead {
  file: string;
  type: 'note' | 'clip';
  title: string;
  aliases: string[];
}

interface Common extends FileHead {
  /** The id the file asks for, if it is a valid one. */
  id: string | null;
  tags: string[];
  created: string;
  updated: string;
  /** The Markdown the item keeps, links not yet rewritten. */
  markdown: string;
}

export interface PreparedNote extends Common {
  type: 'note';
}

export interface PreparedClip extends Common, ClipFields {
  type: 'clip';
  highlights: ExportedHighlight[];
}

export type PreparedFile = PreparedNote | PreparedClip;

export type Loaded =
  | { ok: true; item: PreparedFile; problems: ImportProblem[]; times: FileTimes }
  | { ok: false; problem: ImportProblem };

/** The front matter keys a note's properties do not keep as text (they become the item's fields). */
const NOTE_KEYS = new Set([
  'id',
  'type',
  'title',
  'aliases',
  'alias',
  'tags',
  'tag',
  'created',
  'updated',
  'date',
  'modified',
]);

export interface FileTimes {
  created: string;
  updated: string;
}

/** What the first pass keeps of a file: its head and its times, or why it is skipped. */
export type Looked = { ok: true; head: FileHead; times: FileTimes } | { ok: false; problem: ImportProblem };

/**
 * Reads and prepares `file`, at once: this runs on the worker thread that reads an import's files
 * (or, where there is none, on the importing one). `times`: when it was made and changed, if not as
 * the file system says now. `bodyTags`: also take Obsidian `#tags` from the body (not for a
 * Commonplace export, whose tags are all in the front matter).
 */
export function loadFile(root: string, file: string, times: FileTimes | null, bodyTags: boolean): Loaded {
  const read = readInsideNow(root, file, MAX_MARKDOWN_BYTES);
  if (!read.ok) return { ok: false, problem: { subject: file, code: read.code, message: read.message } };
  const decoded = decodeText(read.bytes);
  if (!decoded.ok)
    return {
      ok: false,
      problem: { subject: file, code: 'not_utf8', message: `${capital(decoded.reason)}: skipped.` },
    };
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.length > MAX_BODY_LENGTH) {
    return {
      ok: false,
      problem: {
        subject: file,
        code: 'too_large',
        message: `It has ${text.length} characters, more than the ${MAX_BODY_LENGTH} a note may have: skipped.`,
      },
    };
  }
  const fileTimes = times ?? timesOf(read.stats);
  return { ok: true, ...prepare(file, text, fileTimes, bodyTags), times: fileTimes };
}

/** The same, keeping only what the first pass needs: the rest would only be copied between threads. */
export function lookAtFile(root: string, file: string): Looked {
  const loaded = loadFile(root, file, null, false);
  if (!loaded.ok) return loaded;
  const { type, title, aliases } = loaded.item;
  return { ok: true, head: { file, type, title, aliases }, times: loaded.times };
}

/** A file the second pass loads, and its times as the first pass found them. */
export interface FileToLoad {
  file: string;
  times: FileTimes;
}

/** lookAtFile over some files: a worker thread is asked for a few files at a time, not one. */
export function lookAtFiles(root: string, files: readonly string[]): Looked[] {
  return files.map((file) => lookAtFile(root, file));
}

/** loadFile over some files, in their order. */
export function loadFiles(root: string, files: readonly FileToLoad[], bodyTags: boolean): Loaded[] {
  return files.map(({ file, times }) => loadFile(root, file, times, bodyTags));
}

/** When the file was made and last changed (birth time where the file system keeps one). */
function timesOf(stats: Stats): FileTimes {
  const updated = stats.mtime.toISOString();
  const born =
    stats.birthtimeMs > 0 && stats.birthtimeMs <= stats.mtimeMs ? stats.birthtime.toISOString() : updated;
  return { created: born, updated };
}

function prepare(
  file: string,
  text: string,
  times: FileTimes,
  bodyTags: boolean,
): { item: PreparedFile; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const split = splitFrontMatter(text);
  if (split.kind !== 'ok') {
    if (split.kind === 'broken')
      problems.push({
        subject: file,
        code: 'bad_front_matter',
        message: `${capital(split.error)}: imported as a note with the whole text.`,
      });
    const markdown = split.kind === 'none' ? split.body : text;
    const tags = bodyTags ? tagsIn(markdown, file, problems) : [];
    return {
      item: {
        file,
        type: 'note',
        id: null,
        title: titleOf(undefined, markdown, file),
        aliases: [],
        tags,
        ...times,
        markdown,
      },
      problems,
    };
  }
  const { data, body } = split;
  const rawId = textValue(data, 'id');
  const common = {
    file,
    id: rawId !== undefined && ID.test(rawId) ? rawId : null,
    aliases: listValue(data, ['aliases', 'alias']),
    created: dateValue(data, 'created', 'date') ?? times.created,
    updated: dateValue(data, 'updated', 'modified') ?? times.updated,
  };
  if (rawId !== undefined && common.id === null)
    problems.push({
      subject: file,
      code: 'bad_id',
      message: `Its id "${rawId}" is not a valid item id: it gets a new one.`,
    });
  const frontTags = cleanTags(listValue(data, ['tags', 'tag'], true), file, problems);
  if (textValue(data, 'type') === 'clip') {
    const { article, highlights } = splitHighlights(body);
    const url = textValue(data, 'url') ?? '';
    const clipped = dateValue(data, 'clipped') ?? common.created;
    return {
      item: {
        ...common,
        type: 'clip',
        title: titleOf(textValue(data, 'title'), article, file),
        aliases: [],
        tags: frontTags,
        markdown: article,
        url,
        canonicalUrl: textValue(data, 'canonical_url') ?? urlKeys([url])[0] ?? url,
        authors: listValue(data, ['authors', 'author']),
        siteName: textValue(data, 'site') ?? null,
        published: textValue(data, 'published') ?? null,
        clipped,
        lang: textValue(data, 'lang') ?? null,
        citation: citationOf(data),
        highlights,
      },
      problems,
    };
  }
  const extra = otherProperties(data, NOTE_KEYS);
  // Properties the library has no field for stay with the note, as a YAML block at its end.
  const markdown = extra === '' ? body : `${body.replace(/\s+$/, '')}\n\n\`\`\`yaml\n${extra}\n\`\`\`\n`;
  const tags = bodyTags ? [...frontTags, ...tagsIn(body, file, problems)] : frontTags;
  return {
    item: { ...common, type: 'note', title: titleOf(textValue(data, 'title'), body, file), tags, markdown },
    problems,
  };
}

/** The front matter's title, else the first `# heading`, else the file name. */
function titleOf(given: string | undefined, markdown: string, file: string): string {
  const title = given ?? firstHeading(markdown) ?? path.posix.basename(file).replace(MARKDOWN_FILE, '');
  return title.slice(0, MAX_TITLE_LENGTH);
}

function firstHeading(markdown: string): string | undefined {
  for (const line of scanLines(markdown)) {
    if (
      line.links.length === 0 &&
      line.blocked.length === 1 &&
      line.blocked[0]?.[0] === line.offset &&
      line.text !== ''
    )
      continue;
    const heading = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(line.text)?.[1];
    if (heading !== undefined && heading.trim() !== '') return heading.trim();
  }
  return undefined;
}

// `#tag` after a space or at a line's start; not a heading (`# x`), an anchor in a URL or all digits.
const BODY_TAG = /(?<=^|\s)#([\p{L}\p{N}_/-]+)/gu;

function tagsIn(markdown: string, file: string, problems: ImportProblem[]): string[] {
  const found: string[] = [];
  for (const line of scanLines(markdown)) {
    for (const match of line.text.matchAll(BODY_TAG)) {
      const at = line.offset + match.index;
      const tag = match[1] ?? '';
      if (/^\d+$/.test(tag) || line.blocked.some(([s, e]) => s <= at && at < e)) continue;
      found.push(tag);
    }
  }
  return cleanTags(found, file, problems);
}

function cleanTags(raw: string[], file: string, problems: ImportProblem[]): string[] {
  const tags: string[] = [];
  for (const tag of raw) {
    try {
      tags.push(normalizeTag(tag));
    } catch {
      problems.push({ subject: file, code: 'bad_tag', message: `"${tag}" is not a valid tag: left out.` });
    }
  }
  return tags;
}

function citationOf(data: Record<string, unknown>): Citation | null {
  const citation: Citation = {};
  for (const key of ['doi', 'journal', 'publisher', 'volume', 'issue', 'issn', 'isbn'] as const) {
    const value = textValue(data, key);
    if (value !== undefined) citation[key] = value;
  }
  const pages = textValue(data, 'pages');
  if (pages !== undefined) {
    const [first, last] = pages.split('-', 2);
    if (first) citation.firstPage = first;
    if (last) citation.lastPage = last;
  }
  return Object.keys(citation).length === 0 ? null : citation;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
