import { NotebookError } from './errors';

export const MAX_TAG_LENGTH = 100;

// Letters and digits of any script, plus - _ . and / (which nests: `sahel/mali`).
const TAG_SEGMENT = /^[\p{L}\p{N}_.-]+$/u;

/**
 * Normalises a tag as a person typed it: trims, drops a leading `#`, trims `/` at the ends.
 * Case is kept as written; comparisons go through `tagKey`.
 * Throws `invalid_argument` with a message that says what is wrong.
 */
export function normalizeTag(raw: string): string {
  const tag = raw
    .trim()
    .replace(/^#+/, '')
    .replace(/^\/+|\/+$/g, '');
  if (tag === '') throw new NotebookError('invalid_argument', 'A tag cannot be empty.');
  if (tag.length > MAX_TAG_LENGTH) {
    throw new NotebookError('invalid_argument', `A tag can have at most ${MAX_TAG_LENGTH} characters.`);
  }
  for (const segment of tag.split('/')) {
    if (!TAG_SEGMENT.test(segment)) {
      throw new NotebookError(
        'invalid_argument',
        `"${raw}" is not a valid tag: use letters, digits, - _ . and / to nest (like sahel/mali).`,
      );
    }
  }
  return tag;
}

/**
 * The identity of a tag: case-insensitive, so `Mali` and `mali` are one tag. The root locale's
 * lower case, which toLowerCase gives (for every code point) without asking ICU, many times faster.
 */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

/** True when `tag` is `parent` or nested under it (`sahel/mali` is under `sahel`). */
export function tagIsWithin(tag: string, parent: string): boolean {
  const t = tagKey(tag);
  const p = tagKey(parent);
  return t === p || t.startsWith(`${p}/`);
}

/** Adds and removes tags, keeping the first spelling of each and the original order. */
export function applyTagChanges(
  current: readonly string[],
  add: readonly string[],
  remove: readonly string[],
): string[] {
  const removed = new Set(remove.map((t) => tagKey(normalizeTag(t))));
  const result: string[] = [];
  const seen = new Set<string>();
  for (const tag of [...current, ...add.map(normalizeTag)]) {
    const key = tagKey(tag);
    if (seen.has(key) || removed.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}
