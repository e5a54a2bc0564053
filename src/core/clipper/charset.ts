/**
 * Turns the bytes of an HTML page into text the way browsers do: a byte order mark wins, then the
 * HTTP header's charset, then a `<meta charset>` or `http-equiv` declaration near the start of the
 * page, else UTF-8 (or windows-1252 when the bytes are not valid UTF-8 and nothing was declared).
 */

/** How far into the page a `<meta>` charset declaration is looked for. */
const PRESCAN_BYTES = 4096;

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
];

/** Decodes an HTML page; `contentType` is the HTTP Content-Type header, if there was one. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const bom = BOMS.find((candidate) => candidate.bytes.every((byte, i) => bytes[i] === byte));
  if (bom !== undefined) return decode(bytes.subarray(bom.bytes.length), bom.encoding);
  const fromHeader = supported(charsetOf(contentType));
  if (fromHeader !== undefined) return decode(bytes, fromHeader);
  const fromMeta = supported(metaCharset(bytes));
  if (fromMeta !== undefined) return decode(bytes, htmlEncoding(fromMeta));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Undeclared and not UTF-8: most such pages are Western legacy pages.
    return decode(bytes, 'windows-1252');
  }
}

/** The `charset` parameter of a Content-Type value, if any. */
export function charsetOf(contentType: string | null): string | undefined {
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType ?? '');
  const value = match?.[1] ?? match?.[2];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The charset a `<meta>` tag in the first bytes declares, as the HTML prescan finds it. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one character, so ASCII markup reads correctly whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = attribute(tag, 'charset');
    if (charset !== undefined && charset !== '') return charset;
    if (attribute(tag, 'http-equiv')?.toLowerCase() === 'content-type') {
      const fromContent = charsetOf(`;${(attribute(tag, 'content') ?? '').replace(/^[^;]*/, '')}`);
      if (fromContent !== undefined) return fromContent.replace(/^["']|["']$/g, '');
    }
  }
  return undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`[\\s"'/]${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>/]+))`, 'i').exec(tag);
  if (match === null) return undefined;
  return (match[1] ?? match[2] ?? match[3] ?? '').trim();
}

/** The WHATWG name of a charset label TextDecoder knows, or undefined. */
function supported(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    // WHATWG labels: iso-8859-1, latin1, ascii and us-ascii all mean windows-1252, as in browsers.
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

// A page that declares UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML spec: use UTF-8).
function htmlEncoding(encoding: string): string {
  return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
}

// windows-1252 at 0x80–0x9F (undefined bytes stay as their C1 code points, as browsers do).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode(bytes: Uint8Array, encoding: string): string {
  // Node 20's TextDecoder decodes windows-1252 as ISO-8859-1 (0x92 comes out as U+0092, not ’).
  if (encoding === 'windows-1252') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
  return new TextDecoder(encoding).decode(bytes);
}
