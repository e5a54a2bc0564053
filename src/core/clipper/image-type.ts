/**
 * What kind of image some bytes are, from the bytes themselves: a server's Content-Type is often
 * wrong (`application/octet-stream`, or `image/png` on an HTML error page). The answer names the
 * stored file's extension, which is also the content type the library serves it with.
 */

const SVG_SCAN = 1024;

/** The file extension for these image bytes (`png`, `jpg`, `gif`, `webp`, `avif`, `bmp`, `ico`, `svg`), or null if they are not an image we keep. */
export function imageExtension(bytes: Uint8Array, contentType: string | null): string | null {
  const starts = (...signature: number[]): boolean => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  if (ascii(0, 2) === 'BM' && bytes.length > 26) return 'bmp';
  if (starts(0x00, 0x00, 0x01, 0x00) && bytes.length > 6) return 'ico';
  if (looksLikeSvg(bytes, contentType)) return 'svg';
  return null;
}

// SVG is text: accept it when the start of the file is an <svg> document (an XML prolog,
// comments or a doctype may come first), whatever the server called it.
function looksLikeSvg(bytes: Uint8Array, contentType: string | null): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, SVG_SCAN))
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '')
    .trimStart();
  if (/^<svg[\s>]/i.test(head)) return true;
  return (contentType ?? '').toLowerCase().startsWith('image/svg+xml') && /<svg[\s>]/i.test(head);
}
