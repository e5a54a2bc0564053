/**
 * Wikilinks in a note's Markdown: `[[Title]]`, `[[Title|shown text]]`, `[[Title#Heading]]`,
 * `[[Clip title#^highlight-id]]`. What is not a link:
 *
 *   - anything inside a fenced code block (``` or ~~~) or an inline code span (`[[x]]`);
 *     code spans are matched within one line, indented code blocks are not recognised;
 *   - `\[[x]]` (an escaped bracket);
 *   - brackets holding a line break, another `[` or `]`, or no target (`[[]]`, `[[#Heading]]`);
 *     in `[[a [[b]] c]]` only `[[b]]` is a link, and an unclosed `[[a` is plain text.
 *
 * A title holding `[`, `]`, `|`, `#` or `^` cannot be written as a link target as it is: links
 * name it with those characters as spaces (shared/link-target.ts), and renameItem refuses such
 * titles for notes (see `unlinkableCharacters`) rather than inventing an escape.
 */
import { linkTargetOf, UNLINKABLE_RE } from '../../shared/link-target';
import type { WikiLink } from '../../shared/types';
import { foldText } from '../search/text';

/** A link found in a text: the parsed link, where `[[…]]` is, and its 1-based line. */
export interface FoundLink {
  link: WikiLink;
  /** Offset of the first `[`. */
  start: number;
  /** Offset just after the last `]`. */
  end: number;
  line: number;
}

/** One line of a text with the spans a mention may not touch (code and links). */
export interface TextLine {
  /** 1-based. */
  line: number;
  /** Offset of the line's first character in the text. */
  offset: number;
  text: string;
  /** [start, end) offsets in the text, in order. */
  blocked: [number, number][];
  links: FoundLink[];
}

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;

/** The parts of the text between `[[` and `]]`; null when it names no target. */
export function parseLinkText(raw: string): WikiLink | null {
  const bar = raw.indexOf('|');
  const beforeAlias = bar === -1 ? raw : raw.slice(0, bar);
  const alias = bar === -1 ? null : raw.slice(bar + 1).trim() || null;
  const hash = beforeAlias.indexOf('#');
  const target = (hash === -1 ? beforeAlias : beforeAlias.slice(0, hash)).trim();
  if (target === '') return null;
  const fragment = hash === -1 ? '' : beforeAlias.slice(hash + 1).trim();
  const isBlock = fragment.startsWith('^');
  const block = isBlock ? fragment.slice(1).trim() || null : null;
  const heading = !isBlock && fragment !== '' ? fragment : null;
  return { raw, target, heading, block, alias };
}

// Link targets repeat (they are other notes' titles) and folding accented text is the slow part.
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 50_000;

/**
 * How link targets, titles and aliases are compared: case, accents and runs of spaces ignored,
 * and a title's unlinkable characters taken as spaces.
 */
export function linkKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    key = foldText(linkTargetOf(name)).replace(/\s+/g, ' ');
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(name, key);
  }
  return key;
}

/** The characters of `title` that cannot appear in a link target, each once, in order. */
export function unlinkableCharacters(title: string): string[] {
  return [...new Set(title.match(UNLINKABLE_RE) ?? [])];
}

/** `raw` with its target replaced by `title`, keeping `#heading`, `#^block` and `|shown text`. */
export function retarget(raw: string, title: string): string {
  const cut = raw.search(/[#|]/);
  return cut === -1 ? title : title + raw.slice(cut);
}

/** The text between the brackets of every link in `text`, in order: what a note record keeps. */
export function linkTexts(text: string): string[] {
  return findLinks(text).map((found) => found.link.raw);
}

/** Every link of `text`, in order. */
export function findLinks(text: string): FoundLink[] {
  return scanLines(text).flatMap((line) => line.links);
}

/** The text line by line, with its code spans and links located. */
export function scanLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let fence: string | null = null;
  let offset = 0;
  let number = 0;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const lineText = text.slice(offset, end);
    number++;
    const opener = FENCE_RE.exec(lineText)?.[1];
    if (fence !== null) {
      // Closed by a fence of the same character at least as long, with nothing after it.
      if (opener !== undefined && opener[0] === fence[0] && opener.length >= fence.length) {
        if (lineText.trim() === opener) fence = null;
      }
      lines.push(codeLine(number, offset, lineText));
    } else if (opener !== undefined && !isBadBacktickFence(lineText, opener)) {
      fence = opener;
      lines.push(codeLine(number, offset, lineText));
    } else {
      lines.push(proseLine(number, offset, lineText));
    }
    if (newline === -1) break;
    offset = newline + 1;
  }
  return lines;
}

// A backtick fence's info string cannot hold a backtick: ```a``` is inline code, not a fence.
function isBadBacktickFence(line: string, opener: string): boolean {
  return opener[0] === '`' && line.slice(line.indexOf(opener) + opener.length).includes('`');
}

function codeLine(line: number, offset: number, text: string): TextLine {
  return { line, offset, text, blocked: [[offset, offset + text.length]], links: [] };
}

function proseLine(line: number, offset: number, text: string): TextLine {
  const code = codeSpans(text);
  const links: FoundLink[] = [];
  let from = 0;
  for (const [start, end] of [...code, [text.length, text.length] as [number, number]]) {
    for (const found of linksIn(text, from, start)) {
      links.push({ ...found, start: found.start + offset, end: found.end + offset, line });
    }
    from = end;
  }
  const blocked: [number, number][] = [
    ...code.map(([s, e]): [number, number] => [s + offset, e + offset]),
    ...links.map((l): [number, number] => [l.start, l.end]),
  ].sort((a, b) => a[0] - b[0]);
  return { line, offset, text, blocked, links };
}

/** Inline code spans of one line: a run of N backticks closed by the next run of exactly N. */
function codeSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = text.indexOf('`');
  while (i !== -1) {
    const open = runLength(text, i);
    if (i > 0 && text[i - 1] === '\\') {
      i = text.indexOf('`', i + open);
      continue;
    }
    let j = text.indexOf('`', i + open);
    let close = -1;
    while (j !== -1) {
      const run = runLength(text, j);
      if (run === open) {
        close = j;
        break;
      }
      j = text.indexOf('`', j + run);
    }
    if (close === -1) {
      i = text.indexOf('`', i + open);
      continue;
    }
    spans.push([i, close + open]);
    i = text.indexOf('`', close + open);
  }
  return spans;
}

function runLength(text: string, at: number): number {
  let n = 0;
  while (text[at + n] === '`') n++;
  return n;
}

/** Links within text[from, to): offsets in `text`, line unset. */
function linksIn(text: string, from: number, to: number): Omit<FoundLink, 'line'>[] {
  const found: Omit<FoundLink, 'line'>[] = [];
  let i = text.indexOf('[[', from);
  while (i !== -1 && i + 4 <= to) {
    if (escaped(text, i)) {
      i = text.indexOf('[[', i + 2);
      continue;
    }
    const close = closingOf(text, i + 2, to);
    if (close === -1) {
      i = text.indexOf('[[', i + 1);
      continue;
    }
    const link = parseLinkText(text.slice(i + 2, close));
    if (link !== null) found.push({ link, start: i, end: close + 2 });
    i = text.indexOf('[[', close + 2);
  }
  return found;
}

function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text[at - 1 - slashes] === '\\') slashes++;
  return slashes % 2 === 1;
}

/** Where the `]]` closing a link opened just before `from` is; -1 if a bracket or the end comes first. */
function closingOf(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    const c = text[k];
    if (c === '[') return -1;
    if (c === ']') return text[k + 1] === ']' && k + 2 <= to ? k : -1;
  }
  return -1;
}
