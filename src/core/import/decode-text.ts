/**
 * A Markdown file's bytes as text: UTF-8 (a byte-order mark is dropped), or UTF-16 when a BOM
 * says so. Anything else (invalid UTF-8, a legacy encoding) is refused rather than guessed at.
 */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    // `fatal` refuses invalid sequences; the decoder drops a UTF-8 BOM by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'it is not UTF-8 text (save it as UTF-8 and import it again)' };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      reason: `it starts with a ${encoding.toUpperCase()} mark but is not valid ${encoding.toUpperCase()}`,
    };
  }
}
