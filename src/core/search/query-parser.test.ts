import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseQuery, type TextClause } from './query-parser';

const word = (text: string, term: string, prefix = false): TextClause => ({
  kind: 'word',
  text,
  term,
  prefix,
});
const phrase = (text: string, terms: string[]): TextClause => ({ kind: 'phrase', text, terms });

describe('parseQuery: words and phrases', () => {
  it('folds and stems words, keeping them as typed', () => {
    const q = parseQuery('Keïta retraits ');
    expect(q.any).toEqual([[word('Keïta', 'keita'), word('retraits', 'retrait')]]);
    expect(q.none).toEqual([]);
    expect(q.warnings).toEqual([]);
  });

  it('marks the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('camps withd').any).toEqual([[word('camps', 'camp'), word('withd', 'withd', true)]]);
    expect(parseQuery('camps withd ').any).toEqual([[word('camps', 'camp'), word('withd', 'withd')]]);
    // A prefix is looked up among stems: `withdrawa` must find `withdrawal`, indexed as `withdraw`.
    expect(parseQuery('withdrawa').any).toEqual([[word('withdrawa', 'withdraw', true)]]);
    expect(parseQuery('"camps" withd,').any[0]?.at(-1)).toEqual(word('withd', 'withd'));
    expect(parseQuery('withd -camp').any).toEqual([[word('withd', 'withd')]]);
    expect(parseQuery('withd tag:sahel').any).toEqual([[word('withd', 'withd')]]);
  });

  it('reads quoted phrases, folded but not stemmed, with straight, curly and French quotes', () => {
    const q = parseQuery('"Forces armées" “retrait des camps” « la Sécurité »');
    expect(q.any).toEqual([
      [
        phrase('Forces armées', ['forces', 'armees']),
        phrase('retrait des camps', ['retrait', 'des', 'camps']),
        phrase('la Sécurité', ['la', 'securite']),
      ],
    ]);
  });

  it('splits hyphenated and elided words', () => {
    expect(parseQuery("l'armée jean-pierre ").any).toEqual([
      [word('armée', 'armee'), word('jean', 'jean'), word('pierre', 'pierr')],
    ]);
  });

  it('excludes words and phrases', () => {
    const q = parseQuery('mali -withdrawals -"forces armées" -covid-19');
    expect(q.any).toEqual([[word('mali', 'mali')]]);
    expect(q.none).toEqual([
      word('withdrawals', 'withdraw'),
      phrase('forces armées', ['forces', 'armees']),
      phrase('covid-19', ['covid', '19']),
    ]);
  });

  it('groups with OR (uppercase only); AND binds tighter', () => {
    expect(parseQuery('mali camps OR niger ').any).toEqual([
      [word('mali', 'mali'), word('camps', 'camp')],
      [word('niger', 'niger')],
    ]);
    expect(parseQuery('mali or niger ').any).toEqual([
      [word('mali', 'mali'), word('or', 'or'), word('niger', 'niger')],
    ]);
    expect(parseQuery('OR mali OR OR niger OR').any).toEqual([
      [word('mali', 'mali')],
      [word('niger', 'niger')],
    ]);
  });
});

describe('parseQuery: operators', () => {
  it('reads every operator, combined', () => {
    const q = parseQuery(
      'tag:Sahel -tag:#draft type:clip -type:note site:https://www.Example.org/a -site:ads.example.com ' +
        'author:"Awa Traoré" -author:Smith before:2024-12-01 after:2024-11 camps',
    );
    expect(q).toMatchObject({
      any: [[word('camps', 'camp', true)]],
      tags: ['sahel'],
      notTags: ['draft'],
      types: ['clip'],
      notTypes: ['note'],
      sites: ['example.org'],
      notSites: ['ads.example.com'],
      authors: ['awa traore'],
      notAuthors: ['smith'],
      before: '2024-12-01',
      after: '2024-11-01',
      warnings: [],
    });
  });

  it('leaves `any` empty for a query of filters only', () => {
    expect(parseQuery('tag:sahel/mali type:note').any).toEqual([]);
    expect(parseQuery('tag:sahel/mali type:note').tags).toEqual(['sahel/mali']);
  });

  it('takes several types, plurals and any case', () => {
    expect(parseQuery('type:clip|note TYPE:Highlights').types).toEqual(['clip', 'note', 'highlight']);
  });

  it('reads quoted operator values', () => {
    expect(parseQuery('tag:"sahel" author:«Awa Keïta»').tags).toEqual(['sahel']);
    expect(parseQuery('author:«Awa Keïta»').authors).toEqual(['awa keita']);
  });

  it('reads dates as the first day they name, keeping the narrowest range', () => {
    expect(parseQuery('after:2024').after).toBe('2024-01-01');
    expect(parseQuery('before:2024-2-29').before).toBe('2024-02-29');
    expect(parseQuery('before:2025-01 before:2024-12-01 after:2024-01 after:2024-03').before).toBe(
      '2024-12-01',
    );
    expect(parseQuery('after:2024-01 after:2024-03').after).toBe('2024-03-01');
    // Excluding a range is the other range.
    expect(parseQuery('-before:2024-06')).toMatchObject({ before: null, after: '2024-06-01' });
    expect(parseQuery('-after:2024-06')).toMatchObject({ before: '2024-06-01', after: null });
  });
});

describe('parseQuery: malformed input degrades to words', () => {
  it.each([
    ['tag:', [word('tag', 'tag')]],
    ['before:notadate', [word('before', 'befor'), word('notadate', 'notadat')]],
    [
      'before:2023-02-29',
      [word('before', 'befor'), word('2023', '2023'), word('02', '02'), word('29', '29')],
    ],
    ['after:2024-13', [word('after', 'after'), word('2024', '2024'), word('13', '13')]],
    ['type:video', [word('type', 'type'), word('video', 'video')]],
    ['site:not_a_host!', [word('site', 'site'), word('not', 'not'), word('a', 'a'), word('host', 'host')]],
  ])('%s', (input, words) => {
    const q = parseQuery(input);
    expect(q.any).toEqual([words]);
    expect(q.warnings).toHaveLength(1);
    expect(q.before ?? q.after ?? q.tags[0] ?? q.types[0] ?? q.sites[0]).toBeUndefined();
  });

  it('reads an unbalanced quote as words, the last one still a prefix', () => {
    const q = parseQuery('mali "forces arm');
    expect(q.any).toEqual([[word('mali', 'mali'), word('forces', 'forc'), word('arm', 'arm', true)]]);
    expect(q.warnings).toEqual(['A quote is not closed: its words are searched one by one.']);
    expect(parseQuery('mali -"forces').none).toEqual([word('forces', 'forc')]);
    expect(parseQuery('author:"Awa').any).toEqual([[word('author', 'author'), word('Awa', 'awa', true)]]);
  });

  it('reads unknown operators and stray symbols as words', () => {
    expect(parseQuery('http://x.org 10:30 - -- : " "').any).toEqual([
      [word('http', 'http'), word('x', 'x'), word('org', 'org'), word('10', '10'), word('30', '30')],
    ]);
  });

  it('cuts a pasted page down to a query', () => {
    const q = parseQuery('word '.repeat(1000));
    expect(q.any[0]?.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH / 5);
    expect(q.warnings).toHaveLength(1);
  });

  it('never throws, whatever it is given', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      'a',
      'É',
      ' ',
      '"',
      '“',
      '«',
      '»',
      '-',
      ':',
      '|',
      'OR',
      'tag:',
      'type:',
      'site:',
      'author:',
      'before:',
      'after:',
      '2024-',
      '\n',
      '\ud83d',
      '\ude00',
      "'",
      '#',
      '/',
      '.',
      '\u0301',
      '(',
      ')',
      '\\',
      '*',
    ];
    for (let n = 0; n < 3000; n++) {
      let input = '';
      const length = Math.floor(random() * 24);
      for (let k = 0; k < length; k++) input += alphabet[Math.floor(random() * alphabet.length)];
      const q = parseQuery(input);
      for (const clause of [...q.any.flat(), ...q.none]) {
        if (clause.kind === 'word') expect(clause.term).not.toBe('');
        else expect(clause.terms.length).toBeGreaterThan(0);
      }
      expect(q.any.every((group) => group.length > 0)).toBe(true);
    }
    expect(() => parseQuery(undefined as unknown as string)).not.toThrow();
  });
});
