/**
 * Where `[[target#heading|alias]]` links sit in a text, parsed the way the core parses them
 * (the contract's WikiLink), with offsets so the editor can decorate and follow them.
 */
import type { WikiLink } from '@shared/types';
import { linkTargetOf } from '@shared/link-target';

export interface WikiLinkRange extends WikiLink {
  /** Offset of the first `[`. */
  from: number;
  /** Offset just after the closing `]]`. */
  to: number;
}

// No brackets or line breaks inside; at least one character that is not a space.
const LINK = /\[\[([^[\]\n]*?[^[\]\n\s][^[\]\n]*?)\]\]/g;

/** Splits the text between the brackets into target, heading, highlight ref and alias. */
export function parseWikiLink(raw: string): WikiLink {
  const bar = raw.indexOf('|');
  const ref = bar === -1 ? raw : raw.slice(0, bar);
  const alias = bar === -1 ? null : raw.slice(bar + 1).trim() || null;
  const hash = ref.indexOf('#');
  const target = (hash === -1 ? ref : ref.slice(0, hash)).trim();
  const anchor = hash === -1 ? null : ref.slice(hash + 1).trim();
  const block = anchor?.startsWith('^') ? anchor.slice(1).trim() || null : null;
  const heading = anchor && !anchor.startsWith('^') ? anchor : null;
  return { raw, target, heading, block, alias };
}

/** Every wikilink in `text`, in order; `offset` is added to the positions (for a line of a document). */
export function findWikiLinks(text: string, offset = 0): WikiLinkRange[] {
  const links: WikiLinkRange[] = [];
  for (const found of text.matchAll(LINK)) {
    const raw = found[1] ?? '';
    const link = parseWikiLink(raw);
    if (!link.target) continue;
    links.push({ ...link, from: offset + found.index, to: offset + found.index + found[0].length });
  }
  return links;
}

/** The link whose brackets contain `pos` (inclusive of both ends), or null. */
export function wikiLinkAt(text: string, pos: number, offset = 0): WikiLinkRange | null {
  return findWikiLinks(text, offset).find((link) => pos >= link.from && pos <= link.to) ?? null;
}

/** A title as links compare it: case, accents and runs of spaces do not matter; unlinkable characters are spaces. */
export function titleKey(title: string): string {
  return linkTargetOf(title.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase());
}

/**
 * The text a completion inserts after `[[`: `Title]]`, or `Title|alias]]` for a match on an alias;
 * characters that would end or split the link are left out of both.
 */
export function completionText(title: string, alias: string | null): string {
  const target = linkTargetOf(title);
  return alias ? `${target}|${linkTargetOf(alias)}]]` : `${target}]]`;
}

/**
 * The Markdown heading (`# …` to `###### …`) of `text` whose words are `heading` (case and accents
 * aside, as a link names it), as [from, to) of its line; null if the note has none.
 */
export function findHeading(text: string, heading: string): { from: number; to: number } | null {
  const wanted = titleKey(heading);
  let at = 0;
  for (const line of text.split('\n')) {
    const found = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (found && titleKey(found[1] ?? '') === wanted) return { from: at, to: at + line.length };
    at += line.length + 1;
  }
  return null;
}
