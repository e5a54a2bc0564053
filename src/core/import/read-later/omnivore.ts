/**
 * Omnivore's export zip: `metadata_<from>_to_<to>.json` files (arrays of items: id, slug, title,
 * author, url, labels, savedAt, publishedAt, state, description…), the saved article of each item
 * at `content/<slug>.html`, and its highlights at `highlights/<slug>.md`, written one after another
 * as `> quote` (blank lines inside a quote kept as `> `), then any `#label`s, then the note.
 */
import { NotebookError } from '../../../shared/errors';
import type { ImportProblem } from '../../../shared/types';
import { isObject } from '../../json-shape';
import type { ParsedExport, ReadLaterEntry, SavedHighlight } from './read-later-entry';
import { readZipText } from './zip';

const METADATA = /^(?:.*\/)?metadata(?:_\d+_to_\d+)?\.json$/;

export function parseOmnivore(bytes: Uint8Array, maxUnzippedBytes?: number): ParsedExport {
  const files = readZipText(
    bytes,
    (name) => METADATA.test(name) || /(?:^|\/)(?:content\/.+\.html|highlights\/.+\.md)$/.test(name),
    maxUnzippedBytes,
  );
  const metadata = [...files.keys()].filter((name) => METADATA.test(name)).sort(byFirstNumber);
  if (metadata.length === 0) {
    throw new NotebookError(
      'invalid_argument',
      'This zip is not an Omnivore export: it has no metadata_N_to_M.json file.',
    );
  }
  const entries: ReadLaterEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const name of metadata) {
    const folder = name.slice(0, name.lastIndexOf('/') + 1);
    let items: unknown;
    try {
      items = JSON.parse(files.get(name) as string);
    } catch {
      problems.push({
        subject: name,
        code: 'bad_json',
        message: `${name} is not valid JSON; its items were skipped.`,
      });
      continue;
    }
    if (!Array.isArray(items)) {
      problems.push({ subject: name, code: 'bad_json', message: `${name} is not a list of items; skipped.` });
      continue;
    }
    items.forEach((item: unknown, index) => {
      const source = `${name} item ${index + 1}`;
      if (!isObject(item) || typeof item.url !== 'string' || item.url.trim() === '') {
        problems.push({ subject: source, code: 'no_url', message: 'This item has no url.' });
        return;
      }
      const slug = typeof item.slug === 'string' ? item.slug : null;
      const html = slug === null ? undefined : files.get(`${folder}content/${slug}.html`);
      const highlights = slug === null ? undefined : files.get(`${folder}highlights/${slug}.md`);
      entries.push({
        source: slug === null ? source : `${folder}content/${slug}.html`,
        url: item.url.trim(),
        title: typeof item.title === 'string' ? item.title.trim() : '',
        authors: typeof item.author === 'string' && item.author.trim() !== '' ? [item.author.trim()] : [],
        tags: Array.isArray(item.labels) ? item.labels.filter((l): l is string => typeof l === 'string') : [],
        ...(html !== undefined && html.trim() !== '' ? { html } : {}),
        highlights: highlights === undefined ? [] : parseOmnivoreHighlights(highlights),
      });
    });
  }
  return { entries, problems };
}

/**
 * The highlights of one `highlights/<slug>.md`. Blocks are separated by blank lines; a block
 * starting with `>` begins a highlight, a block of `#labels` after it is skipped (labels of a
 * highlight have no place on a Commonplace highlight), and other blocks are its note. A note
 * before any quote is a note on the whole page, which a highlight cannot hold: it is dropped.
 */
export function parseOmnivoreHighlights(markdown: string): SavedHighlight[] {
  const highlights: SavedHighlight[] = [];
  let current: { quote: string; notes: string[] } | null = null;
  const finish = (): void => {
    if (current && current.quote.trim() !== '')
      highlights.push({ quote: current.quote.trim(), comment: current.notes.join('\n\n').trim() });
    current = null;
  };
  for (const block of markdown.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const trimmed = block.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('>')) {
      finish();
      current = { quote: unquote(trimmed), notes: [] };
    } else if (current && /^#\S+(?:\s+#\S+)*$/.test(trimmed)) {
      continue;
    } else if (current) {
      current.notes.push(trimmed);
    }
  }
  finish();
  return highlights;
}

function unquote(block: string): string {
  return block
    .split('\n')
    .map((line) => line.replace(/^>[ ]?/, '').replace(/\s+$/, ''))
    .join('\n');
}

function byFirstNumber(a: string, b: string): number {
  const n = (name: string): number => Number(/(\d+)_to_/.exec(name)?.[1] ?? 0);
  return n(a) - n(b) || (a < b ? -1 : a > b ? 1 : 0);
}
