import { describe, expect, it } from 'vitest';
import { asciiWords, baseKey, uniqueKeys } from './citation-keys';
import type { CslDate } from './csl';

const issued = (year: number): CslDate => ({ 'date-parts': [[year]] });

describe('baseKey', () => {
  it('joins the first author, the year and the first telling title word, in ASCII', () => {
    const key = baseKey({
      type: 'webpage',
      author: [{ family: 'Keïta', given: 'Aminata' }, { family: 'Dupont' }],
      title: 'The elections in Mopti',
      issued: issued(2024),
    });
    expect(key).toBe('keita2024elections');
  });

  it('takes a literal author by its first word and a particle family name without the particle', () => {
    expect(baseKey({ type: 'webpage', author: [{ literal: 'Økonomisk Institutt' }], title: 'Straße' })).toBe(
      'okonomiskstrasse',
    );
    expect(
      baseKey({ type: 'webpage', author: [{ family: 'van der Berg', given: 'Jan' }], title: 'Dijken' }),
    ).toBe('bergdijken');
  });

  it('falls back to the site, then the title, then "untitled"', () => {
    expect(baseKey({ type: 'webpage', 'container-title': 'The Delta Review', title: 'Granaries' })).toBe(
      'deltagranaries',
    );
    expect(baseKey({ type: 'document', title: 'A reading list', issued: issued(2025) })).toBe(
      'reading2025list',
    );
    expect(baseKey({ type: 'document', title: 'The' })).toBe('the');
    expect(baseKey({ type: 'webpage', title: '日本' })).toBe('untitled');
    expect(baseKey({ type: 'webpage' })).toBe('untitled');
  });
});

describe('asciiWords', () => {
  it('drops accents and apostrophes, spells out ligatures and splits on the rest', () => {
    expect(asciiWords('Ségou’s Œuvre: ÆSIR-łódź ßtraße')).toEqual([
      'segous',
      'oeuvre',
      'aesir',
      'lodz',
      'sstrasse',
    ]);
  });
});

describe('uniqueKeys', () => {
  it('keeps the first of each key and gives the others a, b, c…', () => {
    const keys = uniqueKeys(['x1', 'y', 'x2', 'x3'], (entry) =>
      entry.startsWith('x') ? 'smith2024' : 'jones',
    );
    expect([...keys.values()]).toEqual(['smith2024', 'jones', 'smith2024a', 'smith2024b']);
  });

  it('never reuses a key that another entry has as its own', () => {
    const bases: Record<string, string> = { p: 'k', q: 'k', r: 'ka', s: 'kb' };
    const keys = uniqueKeys(['p', 'q', 'r', 's'], (entry) => bases[entry] ?? '');
    expect([...keys.values()]).toEqual(['k', 'kc', 'ka', 'kb']);
  });

  it('goes on past z with two letters', () => {
    const entries = Array.from({ length: 29 }, (_, i) => i);
    const keys = [...uniqueKeys(entries, () => 'k').values()];
    expect(keys.slice(25)).toEqual(['ky', 'kz', 'kaa', 'kab']);
    expect(new Set(keys).size).toBe(29);
  });
});
