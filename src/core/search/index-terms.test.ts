import { describe, expect, it } from 'vitest';
import { TermList, TermListBuilder } from './index-terms';

// Sorted by code unit, as the index sorts them: '' first, a supplementary character (a surrogate
// pair, 0xD83D…) before U+FF41, where code point order would put it after.
const SORTED = ['', 'a', 'ab', 'abc', 'b', 'keita', 'keïta', 'é', '東京', '😀', 'ａ'];

const all = (list: TermList): string[] => Array.from({ length: list.length }, (_, i) => list.at(i));

describe('TermList', () => {
  it('round-trips terms: empty, accented, CJK, surrogate pairs, one very long', () => {
    const long = 'x'.repeat(20_000);
    const list = TermList.of([...SORTED.slice(0, 6), long, ...SORTED.slice(6)]);
    expect(all(list)).toEqual([...SORTED.slice(0, 6), long, ...SORTED.slice(6)]);
    expect(TermList.of([]).length).toBe(0);
    expect(all(TermList.of([]))).toEqual([]);
  });

  it('compares and finds in the `<` order of strings', () => {
    expect([...SORTED].sort()).toEqual(SORTED);
    const list = TermList.of(SORTED);
    for (const [i, term] of SORTED.entries()) {
      expect(list.find(term)).toBe(i);
      for (const [j, other] of SORTED.entries()) {
        expect(Math.sign(list.compare(i, other))).toBe(term < other ? -1 : term > other ? 1 : 0);
        expect(Math.sign(list.compareWith(i, list, j))).toBe(term < other ? -1 : term > other ? 1 : 0);
      }
    }
    expect(list.find('ke')).toBe(-1);
    expect(list.find('zzz')).toBe(-1);
    expect(list.lowerBound('ke')).toBe(SORTED.indexOf('keita'));
    expect(list.lowerBound('\uffff')).toBe(SORTED.length);
    expect(list.lowerBound('')).toBe(0);
    expect(TermList.of([]).find('a')).toBe(-1);
  });

  it('tells which terms start with a prefix', () => {
    const list = TermList.of(SORTED);
    const starting = (prefix: string): string[] => SORTED.filter((_, i) => list.startsWith(i, prefix));
    expect(starting('a')).toEqual(['a', 'ab', 'abc']);
    expect(starting('ab')).toEqual(['ab', 'abc']);
    expect(starting('ke')).toEqual(['keita', 'keïta']);
    expect(starting('')).toEqual(SORTED);
    expect(starting('abcd')).toEqual([]);
  });

  it('builds past its first capacity, from strings and from other lists', () => {
    const words = Array.from(
      { length: 3_000 },
      (_, i) => `w${String(i).padStart(5, '0')}${'é'.repeat(i % 3)}`,
    );
    const source = TermList.of(words);
    const builder = new TermListBuilder();
    for (let i = 0; i < source.length; i++) {
      if (i % 2 === 0) builder.pushFrom(source, i);
      else builder.push(words[i] as string);
    }
    const copy = builder.finish();
    expect(all(copy)).toEqual(words);
    expect(copy.units.length).toBe(source.units.length);
  });
});
