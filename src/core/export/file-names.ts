/**
 * File names for exported items, safe on any OS and unique in the export folder.
 *
 * The stem comes from the title, NFC-normalised:
 *   - control characters, line breaks and `< > : " / \ | ? *` (Windows), and `# ^ [ ]` (they
 *     break `[[links]]` in Obsidian) each become a space; runs of spaces become one;
 *   - leading dots and spaces (no hidden files, no `..`) and trailing dots and spaces (Windows
 *     drops them) are cut;
 *   - at most 100 characters and 200 UTF-8 bytes, cut between characters (never inside one);
 *   - a reserved Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9, also followed by a
 *     dot and more) gets `_` appended to its first part: `CON` → `CON_`;
 *   - nothing left: `Untitled`.
 * The file is `<stem>.md`. Two items whose stems are equal ignoring case get ` 2`, ` 3`, … on
 * the later one (in the order items are named: oldest created first, then id).
 */

export const MAX_STEM_CHARS = 100;
export const MAX_STEM_BYTES = 200;
export const MARKDOWN_EXT = '.md';
const UNTITLED = 'Untitled';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*#^[\]\u2028\u2029]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The file name stem a title gets before any ` 2` suffix. */
export function fileStem(title: string): string {
  let stem = title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ');
  stem = trimEnds(stem);
  stem = trimEnds(limit(stem, MAX_STEM_CHARS, MAX_STEM_BYTES));
  if (stem === '') return UNTITLED;
  const dot = stem.indexOf('.');
  const first = dot === -1 ? stem : stem.slice(0, dot);
  if (RESERVED.test(first.trim())) stem = `${first.trim()}_${dot === -1 ? '' : stem.slice(dot)}`;
  return stem;
}

/** How the file system may compare names: case and Unicode form ignored (the root locale's lower case, as tagKey). */
export function nameKey(fileName: string): string {
  return fileName.normalize('NFC').toLowerCase();
}

/** `stem` with ` N` appended (N ≥ 2), still within the length limits. */
export function numbered(stem: string, n: number): string {
  if (n < 2) return stem;
  const suffix = ` ${n}`;
  return trimEnds(limit(stem, MAX_STEM_CHARS - suffix.length, MAX_STEM_BYTES - suffix.length)) + suffix;
}

/** True when `fileName` is `stem.md` or `stem N.md`: the name still fits the title. */
export function fitsStem(fileName: string, stem: string): boolean {
  if (!fileName.endsWith(MARKDOWN_EXT)) return false;
  const base = fileName.slice(0, -MARKDOWN_EXT.length);
  if (base === stem) return true;
  const match = / ([0-9]+)$/.exec(base);
  return match !== null && base === numbered(stem, Number(match[1]));
}

/** Gives out names one at a time, never one taken already (compared by nameKey). */
export class NameAllocator {
  private readonly taken = new Set<string>();
  private readonly tried = new Map<string, number>();

  constructor(taken: Iterable<string> = []) {
    for (const name of taken) this.taken.add(nameKey(name));
  }

  isTaken(fileName: string): boolean {
    return this.taken.has(nameKey(fileName));
  }

  take(fileName: string): void {
    this.taken.add(nameKey(fileName));
  }

  /** The first free `stem.md`, `stem 2.md`, `stem 3.md`, …, taken. */
  allocate(stem: string): string {
    // Where the last search for this stem stopped: many items with one title stay linear.
    const key = nameKey(stem);
    for (let n = this.tried.get(key) ?? 1; ; n++) {
      const name = numbered(stem, n) + MARKDOWN_EXT;
      const nameTaken = nameKey(name);
      if (!this.taken.has(nameTaken)) {
        this.taken.add(nameTaken);
        this.tried.set(key, n + 1);
        return name;
      }
    }
  }
}

function trimEnds(text: string): string {
  return text.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** The longest prefix of whole code points within both limits. */
function limit(text: string, maxChars: number, maxBytes: number): string {
  let chars = 0;
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (chars + 1 > maxChars || bytes + size > maxBytes) break;
    chars++;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}
