/**
 * A fast path for the front matter nearly every file has: `key: value` lines, and lists of
 * `- value` lines under a `key:`, of plain or simply quoted strings — what a Commonplace export
 * and most editors write. Parsing that with the full YAML parser is most of what reading a file
 * costs. Anything else (a number, a boolean, a date `yaml` would read differently, a comment,
 * escapes, flow collections, anchors, multi-line values, a repeated key) is left to the full
 * parser: parseSimpleYaml then answers undefined. Whatever it does answer equals what `yaml`'s
 * parse gives for the same text (simple-yaml.test.ts checks this on many generated blocks).
 */

const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ITEM = /^( *)- +(.*)$/;
/**
 * Plain scalars the YAML core schema reads as something other than a string (null, booleans,
 * numbers of every notation), and keys it would read so: left to the full parser.
 */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:[0-9][0-9_]*|0o[0-7]+|0x[0-9a-fA-F]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)))$/;
/** What may start a plain scalar: no indicator character, no space. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
/** Characters that leave a block to the full parser: controls (tabs too) but line feeds, BOMs, non-characters. */
function hasUnsafe(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0xfffe || c === 0xffff)
      return true;
  }
  return false;
}

/** The block's mapping, when it is all simple lines; undefined when the full parser must read it. */
export function parseSimpleYaml(yaml: string): Record<string, unknown> | undefined {
  if (yaml === '' || hasUnsafe(yaml)) return undefined;
  const lines = yaml.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const data: Record<string, unknown> = {};
  // The key whose value is the `- item` lines under it, if any follow.
  let listKey: string | null = null;
  let list: string[] = [];
  let listIndent = -1;
  const endList = (): void => {
    // `key:` with nothing under it is null, as the full parser reads it.
    if (listKey !== null) data[listKey] = list.length === 0 ? null : list;
    listKey = null;
  };
  for (const line of lines) {
    const item = listKey === null ? null : ITEM.exec(line);
    if (item !== null) {
      const indent = (item[1] as string).length;
      if (listIndent !== -1 && indent !== listIndent) return undefined;
      listIndent = indent;
      const value = scalar(item[2] as string);
      if (value === undefined) return undefined;
      list.push(value);
      continue;
    }
    endList();
    const pair = KEY.exec(line);
    if (pair === null) return undefined;
    const key = pair[1] as string;
    if (NOT_A_STRING.test(key) || key === '__proto__' || Object.hasOwn(data, key)) return undefined;
    const raw = pair[2]?.replace(/ +$/, '') ?? '';
    if (raw === '') {
      listKey = key;
      list = [];
      listIndent = -1;
      // Holds the key's place in the order until its value is known.
      data[key] = null;
    } else if (raw === '[]') {
      data[key] = [];
    } else {
      const value = scalar(raw);
      if (value === undefined) return undefined;
      data[key] = value;
    }
  }
  endList();
  return data;
}

/** A one-line scalar as a string; undefined when it is anything else or not simple. */
function scalar(raw: string): string | undefined {
  const text = raw.replace(/ +$/, '');
  if (text === '') return undefined;
  const first = text.charAt(0);
  if (first === '"') {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith('"') || /["\\]/.test(inner)) return undefined;
    return inner;
  }
  if (first === "'") {
    const inner = text.slice(1, -1);
    if (text.length < 2 || !text.endsWith("'") || /'(?!')|(?<!')'$/.test(inner.replace(/''/g, '')))
      return undefined;
    return inner.replace(/''/g, "'");
  }
  if (!PLAIN_START.test(text) || NOT_A_STRING.test(text)) return undefined;
  // `: ` and ` #` end a plain scalar early (a mapping, a comment); a trailing `:` is a key.
  if (text.includes(': ') || text.includes(' #') || text.endsWith(':')) return undefined;
  return text;
}
