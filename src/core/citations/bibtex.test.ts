import { describe, expect, it } from 'vitest';
import { bibtex, bibtexEntry, bibtexName, escapeBibtex, protectTitle } from './bibtex';
import type { CslItem } from './csl';
import { bibtexNames, bibtexText, readBibtex } from './read-bibtex';

describe('escaping', () => {
  it('escapes the ten TeX specials and reads back to the same text', () => {
    const text = 'a{b}c\\d#e$f%g&h_i~j^k';
    expect(escapeBibtex(text)).toBe(
      'a\\{b\\}c\\textbackslash{}d\\#e\\$f\\%g\\&h\\_i\\textasciitilde{}j\\textasciicircum{}k',
    );
    expect(bibtexText(escapeBibtex(text))).toBe(text);
  });

  it('keeps non-ASCII text as UTF-8 and folds whitespace', () => {
    expect(escapeBibtex('  Ségou\n\t— 日本 ')).toBe('Ségou — 日本');
  });

  it('braces each title word with a capital, and only those', () => {
    expect(protectTitle('DNA of the iPhone in Mali, 2024')).toBe('{DNA} of the {iPhone} in {Mali,} 2024');
    expect(protectTitle('{X}_y')).toBe('{\\{X\\}\\_y}');
  });
});

describe('bibtexName', () => {
  it('writes people Family, Given and braces literal names whole', () => {
    expect(bibtexName({ family: 'Keïta', given: 'Aminata' })).toBe('Keïta, Aminata');
    expect(bibtexName({ family: 'King', given: 'Martin Luther', suffix: 'Jr.' })).toBe(
      'King, Jr., Martin Luther',
    );
    expect(bibtexName({ family: 'Cher' })).toBe('Cher');
    expect(bibtexName({ literal: 'Smith & Jones' })).toBe('{Smith \\& Jones}');
  });

  it('braces a part that " and " or a comma would split', () => {
    expect(bibtexName({ family: 'Ford and Sons', given: 'Anne' })).toBe('{Ford and Sons}, Anne');
    expect(bibtexName({ family: 'Lee, Jr', given: 'Al' })).toBe('{Lee, Jr}, Al');
    expect(bibtexNames([bibtexName({ literal: 'Tom and Jerry Inc' }), 'Doe, J'].join(' and '))).toEqual([
      '{Tom and Jerry Inc}',
      'Doe, J',
    ]);
  });
});

describe('entries', () => {
  const base: CslItem = { id: 'k', type: 'webpage', title: 'On granaries', URL: 'https://a.example/x y' };

  it.each<[Partial<CslItem>, string, Record<string, string>]>([
    [{ type: 'article-journal', 'container-title': 'J' }, 'article', { journaltitle: 'J' }],
    [{ type: 'article-journal' }, 'online', {}],
    [
      { type: 'article-newspaper', 'container-title': 'N' },
      'article',
      { entrysubtype: 'newspaper', journaltitle: 'N' },
    ],
    [
      { type: 'article-magazine', 'container-title': 'M' },
      'article',
      { entrysubtype: 'magazine', journaltitle: 'M' },
    ],
    [
      { type: 'paper-conference', 'container-title': 'C', publisher: 'P' },
      'inproceedings',
      { booktitle: 'C', publisher: 'P' },
    ],
    [{ type: 'post-weblog', 'container-title': 'Blog', publisher: 'P' }, 'online', { organization: 'Blog' }],
    [{ type: 'webpage', publisher: 'P' }, 'online', { organization: 'P' }],
    [{ type: 'document' }, 'misc', {}],
  ])('%j is @%s', (fields, type, extra) => {
    const [entry] = readBibtex(bibtexEntry({ ...base, ...fields }));
    expect(entry?.type).toBe(type);
    expect(entry?.raw).toEqual({
      title: '{On} granaries',
      ...extra,
      url: 'https://a.example/x%20y',
    });
  });

  it('writes pages with an en-dash, ISO dates and a langid only for known languages', () => {
    const item: CslItem = {
      ...base,
      page: '145-172',
      issued: { 'date-parts': [[2024, 3]] },
      accessed: { 'date-parts': [[2025, 1, 5]] },
      language: 'pt-BR',
      DOI: '10.1/a{b}\\c',
    };
    const raw = readBibtex(bibtexEntry(item))[0]?.raw;
    expect(raw).toMatchObject({
      pages: '145--172',
      date: '2024-03',
      urldate: '2025-01-05',
      langid: 'portuguese',
      doi: '10.1/a%7Bb%7D%5Cc',
    });
    expect(readBibtex(bibtexEntry({ ...item, language: 'wo' }))[0]?.raw.langid).toBeUndefined();
  });

  it('separates entries with a blank line and ends with a newline; nothing for no items', () => {
    const text = bibtex([base, { ...base, id: 'k2' }]);
    expect(text).toMatch(/^@online\{k,\n[^]*\n\}\n\n@online\{k2,\n[^]*\n\}\n$/);
    expect(readBibtex(text).map((entry) => entry.key)).toEqual(['k', 'k2']);
    expect(bibtex([])).toBe('');
  });
});

describe('readBibtex', () => {
  it('refuses unbalanced braces and repeated fields, so the round trips can fail', () => {
    expect(() => readBibtex('@misc{k,\n  title = {a{b\n}')).toThrow(/unbalanced/);
    expect(() => readBibtex('@misc{k,\n  title = {a},\n  title = {b},\n}')).toThrow(/twice/);
    expect(() => bibtexText('\\emph{x}')).toThrow(/unknown command/);
  });
});
