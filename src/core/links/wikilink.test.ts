import { describe, expect, it } from 'vitest';
import { findMentions, nameTerms } from './mentions';
import {
  findLinks,
  linkKey,
  linkTexts,
  parseLinkText,
  retarget,
  scanLines,
  unlinkableCharacters,
} from './wikilink';

describe('parseLinkText', () => {
  it('splits target, heading, highlight and shown text', () => {
    expect(parseLinkText('Title')).toEqual({
      raw: 'Title',
      target: 'Title',
      heading: null,
      block: null,
      alias: null,
    });
    expect(parseLinkText('Title|shown text')).toMatchObject({ target: 'Title', alias: 'shown text' });
    expect(parseLinkText('Title#Heading')).toMatchObject({
      target: 'Title',
      heading: 'Heading',
      block: null,
    });
    expect(parseLinkText('Clip title#^abc123')).toMatchObject({
      target: 'Clip title',
      heading: null,
      block: 'abc123',
    });
    expect(parseLinkText(' Title # Part two | the part ')).toMatchObject({
      target: 'Title',
      heading: 'Part two',
      alias: 'the part',
    });
    // The shown text may hold a `#`; only the part before `|` is split on it.
    expect(parseLinkText('A|b#c')).toMatchObject({ target: 'A', heading: null, alias: 'b#c' });
  });

  it('gives null when there is no target', () => {
    expect(parseLinkText('')).toBeNull();
    expect(parseLinkText('   ')).toBeNull();
    expect(parseLinkText('#Heading')).toBeNull();
    expect(parseLinkText('|shown')).toBeNull();
  });

  it('drops an empty shown text, heading or highlight', () => {
    expect(parseLinkText('A|')).toMatchObject({ alias: null });
    expect(parseLinkText('A#')).toMatchObject({ heading: null, block: null });
    expect(parseLinkText('A#^')).toMatchObject({ heading: null, block: null });
  });
});

describe('findLinks', () => {
  it('finds links with their 1-based lines and offsets', () => {
    const text = 'See [[Mali]] and\n[[Niger|the river]] too.';
    const links = findLinks(text);
    expect(links.map((l) => [l.link.target, l.line])).toEqual([
      ['Mali', 1],
      ['Niger', 2],
    ]);
    expect(text.slice(links[1]!.start, links[1]!.end)).toBe('[[Niger|the river]]');
  });

  it('ignores fenced code blocks and inline code', () => {
    const text = [
      '[[Before]]',
      '```js',
      'const a = "[[Inside fence]]";',
      '```',
      '~~~~',
      '[[Tilde fence]]',
      '```',
      '~~~~',
      'Text `[[inline]]` and ``a ` [[double]]`` then [[After]]',
      'An unclosed `backtick [[Counts]]',
    ].join('\n');
    expect(linkTexts(text)).toEqual(['Before', 'After', 'Counts']);
  });

  it('treats an unclosed fence as code to the end', () => {
    expect(linkTexts('[[A]]\n```\n[[B]]\n')).toEqual(['A']);
  });

  it('handles nested, unclosed, escaped and empty brackets', () => {
    expect(linkTexts('[[a [[b]] c]]')).toEqual(['b']);
    expect(linkTexts('[[[x]]]')).toEqual(['x']);
    expect(linkTexts('[[open and never closed')).toEqual([]);
    expect(linkTexts('[[one]] [[two')).toEqual(['one']);
    expect(linkTexts('\\[[escaped]] but \\\\[[not escaped]]')).toEqual(['not escaped']);
    expect(linkTexts('[[]] [[ ]] [[#only heading]]')).toEqual([]);
    expect(linkTexts('[[across\nlines]]')).toEqual([]);
    expect(linkTexts('[[a]b]]')).toEqual([]);
    expect(linkTexts('![[Embedded]]')).toEqual(['Embedded']);
  });
});

describe('names', () => {
  it('folds case, accents and spaces for comparison', () => {
    expect(linkKey('  Sécurité   à NIAMEY ')).toBe('securite a niamey');
  });

  it('lists characters a link target cannot hold', () => {
    expect(unlinkableCharacters('A [b] | c#d^e#')).toEqual(['[', ']', '|', '#', '^']);
    expect(unlinkableCharacters('Plain: title (2024)')).toEqual([]);
  });

  it('retargets a link keeping its heading, highlight and shown text', () => {
    expect(retarget('Old', 'New')).toBe('New');
    expect(retarget('Old#Heading', 'New')).toBe('New#Heading');
    expect(retarget('Old#^abc123', 'New')).toBe('New#^abc123');
    expect(retarget('Old|shown', 'New')).toBe('New|shown');
  });
});

describe('findMentions', () => {
  const mentions = (text: string, ...names: string[]): string[] =>
    findMentions(scanLines(text), nameTerms(names)).map((m) => `${m.line}:${m.text}`);

  it('matches whole phrases, ignoring case and accents', () => {
    expect(mentions('We went to timbuktu.\nThe TIMBUKTU manuscripts', 'Timbuktu')).toEqual([
      '1:timbuktu',
      '2:TIMBUKTU',
    ]);
    expect(mentions('La securite a Niamey', 'Sécurité à Niamey')).toEqual(['1:securite a Niamey']);
    expect(mentions('Timbuktuans and subtimbuktu', 'Timbuktu')).toEqual([]);
  });

  it('skips links and code', () => {
    expect(mentions('[[Mali]] and `Mali` and [[Niger|Mali]]\n```\nMali\n```\nMali', 'Mali')).toEqual([
      '5:Mali',
    ]);
  });

  it('prefers the longest name', () => {
    expect(mentions('The New York Times said', 'New York', 'New York Times')).toEqual(['1:New York Times']);
  });
});
