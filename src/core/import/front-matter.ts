/**
 * YAML front matter: the block between a first line `---` and the next `---` (or `...`), parsed
 * with the `yaml` package (YAML 1.2: dates stay strings), or by simple-yaml.ts when it is simple
 * lines. Readers for the keys an Obsidian vault or a Commonplace export uses; a value of the wrong
 * shape is ignored, never guessed into shape.
 */
import { parse, stringify } from 'yaml';
import { parseSimpleYaml } from './simple-yaml';

export type FrontMatter =
  | { kind: 'none'; body: string }
  | { kind: 'ok'; data: Record<string, unknown>; body: string }
  | { kind: 'broken'; error: string };

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Parses a YAML block (simple lines without the full parser); throws when it is not valid YAML. */
function parseYaml(yaml: string): unknown {
  return parseSimpleYaml(yaml) ?? parse(yaml, { uniqueKeys: false, maxAliasCount: 100 });
}

/** Splits `text` (with `\n` line ends) into its front matter and the Markdown after it. */
export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (open === null) return { kind: 'none', body: text };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (close === null) return { kind: 'broken', error: 'the front matter has no closing "---" line' };
  const yaml = rest.slice(0, close.index);
  // The line break closing `---`, and the blank line an export (and most editors) put after it.
  const body = rest.slice(close.index + close[0].length).replace(/^\n(?:[ \t]*\n)?/, '');
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    return { kind: 'broken', error: `its front matter is not valid YAML: ${firstLine(error)}` };
  }
  if (data === null || data === undefined) return { kind: 'ok', data: {}, body };
  if (typeof data !== 'object' || Array.isArray(data))
    return { kind: 'broken', error: 'its front matter is not a list of "key: value" lines' };
  return { kind: 'ok', data: data as Record<string, unknown>, body };
}

/** A text value: a string, or a number written without quotes (`id: 20240101`). */
export function textValue(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** A list of texts: a YAML list, or one string split on commas (and spaces, with `splitSpaces`). */
export function listValue(data: Record<string, unknown>, keys: string[], splitSpaces = false): string[] {
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    const texts = items.flatMap((item): string[] => {
      if (typeof item === 'number') return [String(item)];
      if (typeof item !== 'string') return [];
      return item.split(splitSpaces ? /[\s,]+/ : /,/);
    });
    return texts.map((t) => t.trim()).filter((t) => t !== '');
  }
  return [];
}

/** A date as an ISO 8601 timestamp: kept as written when it already is one, else normalised; undefined if unreadable. */
export function dateValue(data: Record<string, unknown>, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = data[key];
    const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/.test(text)) return text;
    const time = Date.parse(text);
    if (!Number.isNaN(time)) return new Date(time).toISOString();
  }
  return undefined;
}

/** The keys of `data` other than `known`, as YAML, or '' when there are none. */
export function otherProperties(data: Record<string, unknown>, known: ReadonlySet<string>): string {
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !known.has(key)));
  return Object.keys(rest).length === 0 ? '' : stringify(rest).trimEnd();
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
