import { describe, expect, it } from 'vitest';
import { charsetOf, decodeHtml, metaCharset } from './charset';

const ascii = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
const cp1252Page = (meta: string): Uint8Array =>
  Uint8Array.from([
    ...ascii(`<html><head>${meta}<title>t</title></head><body><p>`),
    // « café l’été – Œuvre… » in windows-1252
    0xab,
    0x20,
    0x63,
    0x61,
    0x66,
    0xe9,
    0x20,
    0x6c,
    0x92,
    0xe9,
    0x74,
    0xe9,
    0x20,
    0x96,
    0x20,
    0x8c,
    0x75,
    0x76,
    0x72,
    0x65,
    0x85,
    0x20,
    0xbb,
    ...ascii('</p></body></html>'),
  ]);
const FRENCH = '« café l’été – Œuvre… »';

describe('decodeHtml', () => {
  it('decodes windows-1252 declared by <meta http-equiv> with the right accents and punctuation', () => {
    const html = decodeHtml(
      cp1252Page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
      null,
    );
    expect(html).toContain(FRENCH);
  });

  it('treats iso-8859-1 and latin1 as windows-1252, as browsers do', () => {
    expect(decodeHtml(cp1252Page('<meta charset="iso-8859-1">'), null)).toContain(FRENCH);
    expect(decodeHtml(cp1252Page(''), 'text/html; charset=latin1')).toContain(FRENCH);
  });

  it('lets the HTTP header win over the meta tag', () => {
    const bytes = cp1252Page('<meta charset="utf-8">');
    expect(decodeHtml(bytes, 'text/html; charset="ISO-8859-1"')).toContain(FRENCH);
  });

  it('lets a byte order mark win over the header and the meta tag', () => {
    const bom = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...Buffer.from('<meta charset="windows-1252"><p>l’été</p>'),
    ]);
    expect(decodeHtml(bom, 'text/html; charset=windows-1252')).toBe(
      '<meta charset="windows-1252"><p>l’été</p>',
    );
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('<p>été</p>', 'utf16le')]);
    expect(decodeHtml(utf16, 'text/html; charset=utf-8')).toBe('<p>été</p>');
  });

  it('reads UTF-8 by default, and windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtml(Uint8Array.from(Buffer.from('<p>Keïta – ok</p>')), null)).toBe('<p>Keïta – ok</p>');
    expect(decodeHtml(cp1252Page(''), null)).toContain(FRENCH);
  });

  it('ignores an unknown charset label and falls through to the next source', () => {
    expect(decodeHtml(cp1252Page('<meta charset="windows-1252">'), 'text/html; charset=x-made-up')).toContain(
      FRENCH,
    );
  });

  it('decodes other legacy charsets through TextDecoder', () => {
    const cyrillic = Uint8Array.from([
      ...ascii('<meta charset="windows-1251"><p>'),
      0xcc,
      0xe0,
      0xeb,
      0xe8,
      ...ascii('</p>'),
    ]);
    expect(decodeHtml(cyrillic, null)).toContain('Мали');
  });
});

describe('charset sources', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetOf('text/html; charset=UTF-8')).toBe('UTF-8');
    expect(charsetOf('text/html;charset="windows-1252"; foo=bar')).toBe('windows-1252');
    expect(charsetOf('text/html')).toBeUndefined();
    expect(charsetOf(null)).toBeUndefined();
  });

  it('finds <meta charset> and http-equiv in any attribute order, not in comments', () => {
    expect(metaCharset(ascii('<head><meta charset=windows-1252>'))).toBe('windows-1252');
    expect(
      metaCharset(ascii('<meta content="text/html; charset=ISO-8859-1" http-equiv="content-type">')),
    ).toBe('ISO-8859-1');
    expect(metaCharset(ascii('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'))).toBe('utf-8');
    expect(metaCharset(ascii(`<head>${' '.repeat(5000)}<meta charset="windows-1252">`))).toBeUndefined();
  });
});
