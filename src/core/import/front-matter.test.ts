import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text';
import { dateValue, listValue, splitFrontMatter, textValue } from './front-matter';

describe('splitFrontMatter', () => {
  it('reads the block and the Markdown after it, blank line dropped', () => {
    expect(splitFrontMatter('---\ntitle: "A: b"\ntags: [x, y]\n---\n\n# Body\n')).toEqual({
      kind: 'ok',
      data: { title: 'A: b', tags: ['x', 'y'] },
      body: '# Body\n',
    });
  });

  it('leaves a file without front matter whole', () => {
    expect(splitFrontMatter('# Title\n---\n')).toEqual({ kind: 'none', body: '# Title\n---\n' });
  });

  it('says what is wrong with broken front matter', () => {
    expect(splitFrontMatter('---\ntitle: [open\n---\nx')).toMatchObject({ kind: 'broken' });
    expect(splitFrontMatter('---\ntitle: x\n')).toEqual({
      kind: 'broken',
      error: 'the front matter has no closing "---" line',
    });
    expect(splitFrontMatter('---\n- a\n- b\n---\n')).toMatchObject({ kind: 'broken' });
  });
});

describe('front matter values', () => {
  it('reads tags as a list, or a string split on commas and spaces', () => {
    expect(listValue({ tags: ['a', 2, { no: 1 }] }, ['tags'], true)).toEqual(['a', '2']);
    expect(listValue({ tags: 'a, b c' }, ['tags'], true)).toEqual(['a', 'b', 'c']);
    expect(listValue({ alias: 'One name, another' }, ['aliases', 'alias'])).toEqual(['One name', 'another']);
  });

  it('keeps ISO timestamps as written and normalises other dates', () => {
    expect(dateValue({ created: '2024-01-02T03:04:05.000Z' }, 'created')).toBe('2024-01-02T03:04:05.000Z');
    expect(dateValue({ date: '2024-03-04' }, 'created', 'date')).toBe('2024-03-04T00:00:00.000Z');
    expect(dateValue({ created: 'someday' }, 'created')).toBeUndefined();
  });

  it('takes numbers written without quotes as text', () => {
    expect(textValue({ id: 20240101 }, 'id')).toBe('20240101');
    expect(textValue({ id: '  ' }, 'id')).toBeUndefined();
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 (with or without a BOM) and UTF-16 with a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFCafé', 'utf8'))).toEqual({ ok: true, text: 'Café' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Grüße', 'utf16le')]))).toEqual({
      ok: true,
      text: 'Grüße',
    });
    const be = Buffer.from('Hi', 'utf16le').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ ok: true, text: 'Hi' });
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(decodeText(Buffer.from('Café', 'latin1'))).toMatchObject({ ok: false });
  });
});
