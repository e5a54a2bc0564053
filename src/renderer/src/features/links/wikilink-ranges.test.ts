import { describe, expect, it } from 'vitest';
import {
  completionText,
  findWikiLinks,
  parseWikiLink,
  titleKey,
  wikiLinkAt,
  findHeading,
} from './wikilink-ranges';

describe('findWikiLinks', () => {
  it('finds each link with its offsets', () => {
    const text = 'See [[Mopti]] and [[The convoy leaves Gao]].';
    const links = findWikiLinks(text);
    expect(links.map((link) => text.slice(link.from, link.to))).toEqual([
      '[[Mopti]]',
      '[[The convoy leaves Gao]]',
    ]);
    expect(links[0]).toMatchObject({ target: 'Mopti', heading: null, block: null, alias: null });
  });

  it('adds the offset of the line', () => {
    expect(findWikiLinks('[[A]]', 100)[0]).toMatchObject({ from: 100, to: 105 });
  });

  it('reads headings, highlight refs and aliases', () => {
    expect(parseWikiLink('Gao#Markets|the market')).toEqual({
      raw: 'Gao#Markets|the market',
      target: 'Gao',
      heading: 'Markets',
      block: null,
      alias: 'the market',
    });
    expect(parseWikiLink('Gao#^k3x9q2')).toMatchObject({ target: 'Gao', heading: null, block: 'k3x9q2' });
  });

  it('skips empty links, unclosed ones and ones spanning lines', () => {
    expect(findWikiLinks('[[]] [[ ]] [[open and [[#only-heading]] [[a\nb]]')).toEqual([]);
  });

  it('takes the innermost pair when brackets nest', () => {
    const links = findWikiLinks('[[[[Inner]]]]');
    expect(links.map((link) => link.target)).toEqual(['Inner']);
  });
});

describe('wikiLinkAt', () => {
  it('finds the link under a position, brackets included', () => {
    const text = 'a [[B]] c';
    expect(wikiLinkAt(text, 2)?.target).toBe('B');
    expect(wikiLinkAt(text, 7)?.target).toBe('B');
    expect(wikiLinkAt(text, 8)).toBeNull();
  });
});

describe('titleKey', () => {
  it('ignores case, accents and spacing', () => {
    expect(titleKey('  Sécurité   Briefing ')).toBe(titleKey('securite briefing'));
  });

  it('takes the characters a link cannot hold as spaces', () => {
    expect(titleKey('Report #3 [updated]')).toBe(titleKey('report 3 updated'));
  });
});

describe('completionText', () => {
  it('closes the link, with the alias when the match was on one', () => {
    expect(completionText('Gao', null)).toBe('Gao]]');
    expect(completionText('Gao', 'the town')).toBe('Gao|the town]]');
  });

  it('leaves out what would end or split the link, so it still resolves', () => {
    expect(completionText('Report #3 [updated]', null)).toBe('Report 3 updated]]');
    expect(completionText('Report #3', 'the | third')).toBe('Report 3|the third]]');
    expect(findWikiLinks(`[[${completionText('Report #3 [updated]', null)}`)[0]?.target).toBe(
      'Report 3 updated',
    );
  });
});

describe('findHeading', () => {
  const note = 'Intro\n\n# Sources\ntext\n\n## Séance du   lundi ##\nmore\n####### not one\n';
  it('finds the heading a link names, case, accents and spacing aside', () => {
    const found = findHeading(note, 'seance du lundi');
    expect(found && note.slice(found.from, found.to)).toBe('## Séance du   lundi ##');
    expect(findHeading(note, 'SOURCES')).toEqual({ from: 7, to: 16 });
  });
  it('finds nothing for a heading the note does not have, or text that is not a heading', () => {
    expect(findHeading(note, 'Intro')).toBeNull();
    expect(findHeading(note, 'not one')).toBeNull();
    expect(findHeading(note, 'Conclusions')).toBeNull();
  });
});
