/**
 * Author names as pages give them, made a clean list: no "By ", no roles or dates after the name,
 * no profile URLs, "A and B" and "A, B" split, each person once.
 */

const MAX_NAME_LENGTH = 80;
const MAX_AUTHORS = 30;

const PREFIX = /^(?:(?:written|posted|reported|compiled|edited)\s+by|by|par|von|por|di|door)\s*:?\s+/i;
// Not Spanish "y": it joins the two surnames of one person (Ortega y Gasset).
const SEPARATOR = /\s*(?:;|\||\s&\s|\s+and\s+|\s+et\s+|\s+und\s+)\s*/i;
const NOT_A_NAME = /^(?:admin|administrator|staff|editor|unknown|anonymous|null|undefined|none|author)$/i;

/** A clean, de-duplicated list of names from raw author strings (in source order). */
export function normalizeAuthors(raw: readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    for (const name of splitNames(entry)) {
      const key = name.toLocaleLowerCase('und');
      if (seen.has(key)) continue;
      seen.add(key);
      names.push(name);
      if (names.length === MAX_AUTHORS) return names;
    }
  }
  return names;
}

/** `Lovelace, Ada` (the citation_author convention) → `Ada Lovelace`; other forms unchanged. */
export function citationName(raw: string): string {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return raw.trim();
  return `${parts[1]} ${parts[0]}`;
}

function splitNames(entry: string): string[] {
  const text = clean(entry);
  if (text === '' || isUrl(text)) return [];
  return text
    .split(SEPARATOR)
    .flatMap(splitCommas)
    .map((name) => clean(name))
    .filter((name) => name !== '' && isName(name));
}

// "Jane Doe, John Smith" is two people; "Doe, Jane" is one (and "Jane Doe, Reuters" drops the agency
// only when told to, so it stays two entries here).
function splitCommas(text: string): string[] {
  if (!text.includes(',')) return [text];
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 2 && parts.every((part) => !part.includes(' '))) return [`${parts[1]} ${parts[0]}`];
  return parts;
}

function clean(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PREFIX, '')
    .replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, '')
    .replace(/\s*\((?:[^)]*@[^)]*|\s*)\)\s*/g, ' ')
    .trim();
}

function isUrl(text: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(text) || /^\S+@\S+\.\S+$/.test(text);
}

function isName(text: string): boolean {
  if (text.length > MAX_NAME_LENGTH || isUrl(text) || NOT_A_NAME.test(text)) return false;
  // A name has a letter and is not a sentence or a date.
  return /\p{L}/u.test(text) && text.split(' ').length <= 8 && !/\d{4}/.test(text);
}
