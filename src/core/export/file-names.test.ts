import { describe, expect, it } from 'vitest';
import { fileStem, fitsStem, MAX_STEM_BYTES, NameAllocator, numbered } from './file-names';

describe('fileStem', () => {
  it.each([
    ['a/b:c?', 'a b c'],
    ['<x> "y" \\ | * z', 'x y z'],
    ['Links [[x]] #tag ^id', 'Links x tag id'],
    ['line\nbreak\u0000null\u007fdel', 'line break null del'],
    ['CON', 'CON_'],
    ['nul', 'nul_'],
    ['COM1.backup', 'COM1_.backup'],
    ['LPT9 ', 'LPT9_'],
    ['CONSOLE', 'CONSOLE'],
    ['..', 'Untitled'],
    ['', 'Untitled'],
    ['   ', 'Untitled'],
    ['.hidden', 'hidden'],
    ['ends with dots...', 'ends with dots'],
    ['Cafe\u0301', 'Café'],
  ])('%j → %j', (title, stem) => {
    expect(fileStem(title)).toBe(stem);
  });

  it('cuts long titles between characters, within 100 characters and 200 bytes', () => {
    expect(fileStem('a'.repeat(300))).toBe('a'.repeat(100));
    const cjk = fileStem('漢'.repeat(100));
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(MAX_STEM_BYTES);
    expect(cjk).toBe('漢'.repeat(66));
    const emoji = fileStem('😀'.repeat(80));
    expect(emoji).toBe('😀'.repeat(50));
    expect(fileStem(`${'a'.repeat(99)} b`)).toBe('a'.repeat(99));
  });
});

describe('NameAllocator', () => {
  it('numbers names taken already, ignoring case and Unicode form', () => {
    const names = new NameAllocator(['readme.MD']);
    expect(names.allocate('README')).toBe('README 2.md');
    expect(names.allocate('Readme')).toBe('Readme 3.md');
    expect(names.allocate('Café')).toBe('Café.md');
    expect(names.allocate('Cafe\u0301'.normalize('NFD'))).toMatch(/ 2\.md$/);
  });

  it('keeps numbered names within the length limit', () => {
    const long = 'x'.repeat(100);
    expect(numbered(long, 12)).toBe(`${'x'.repeat(97)} 12`);
    expect(fitsStem(`${numbered(long, 12)}.md`, long)).toBe(true);
    expect(fitsStem('Mali 2.md', 'Mali')).toBe(true);
    expect(fitsStem('Mali.md', 'Mali')).toBe(true);
    expect(fitsStem('Mali Empire.md', 'Mali')).toBe(false);
    expect(fitsStem('Mali 2.md', 'Mali 2')).toBe(true);
    expect(fitsStem('mali.md', 'Mali')).toBe(false);
  });
});
