import { describe, expect, it } from 'vitest';
import { makeSnippet, SNIPPET_LENGTH } from './snippet';

const none = new Set<string>();
const isWellFormed = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (c >= 0xd800 && c <= 0xdbff && !(next >= 0xdc00 && next <= 0xdfff)) return false;
    if (c >= 0xd800 && c <= 0xdbff) i++;
  }
  return true;
};
const filler = (n: number) => 'Nothing to see in this sentence at all. '.repeat(n);

describe('makeSnippet', () => {
  it('marks matches as written, accents and case kept, and lists them once', () => {
    const { snippet, matches } = makeSnippet(
      'La Sécurité à Kidal: KEÏTA annonce le retrait. Keïta confirme.',
      new Set(['securit', 'keita', 'retrait']),
      [],
      [],
    );
    expect(snippet).toBe(
      'La <mark>Sécurité</mark> à Kidal: <mark>KEÏTA</mark> annonce le <mark>retrait</mark>. <mark>Keïta</mark> confirme.',
    );
    expect(matches).toEqual(['Sécurité', 'KEÏTA', 'retrait', 'Keïta']);
  });

  it('marks inflected forms and prefixes', () => {
    const { snippet } = makeSnippet(
      'Camps emptied after the withdrawal began.',
      new Set(['camp']),
      ['withd'],
      [],
    );
    expect(snippet).toBe('<mark>Camps</mark> emptied after the <mark>withdrawal</mark> began.');
  });

  it('marks a phrase as a whole, only where its words are in a row', () => {
    const { snippet, matches } = makeSnippet(
      'Forces, not armées. Then the forces armées left; forces\narmées again.',
      none,
      [],
      [['forces', 'armees']],
    );
    expect(snippet).toBe(
      'Forces, not armées. Then the <mark>forces armées</mark> left; <mark>forces armées</mark> again.',
    );
    expect(matches).toEqual(['forces armées', 'forces\narmées']);
  });

  it('escapes HTML, inside and outside marks', () => {
    const { snippet } = makeSnippet(
      '<script>alert("x")</script> & <b>Keïta</b>\'s',
      new Set(['keita']),
      [],
      [],
    );
    expect(snippet).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;<mark>Keïta</mark>&lt;/b&gt;&#39;s',
    );
    expect(snippet).not.toContain('<script');
  });

  it('picks the window with the most distinct terms, and the earliest of equals', () => {
    const text = `${filler(5)}Only camps here. ${filler(10)}Camps and the withdrawal together. ${filler(10)}Camps and withdrawal again.`;
    const { snippet } = makeSnippet(text, new Set(['camp', 'withdraw']), [], [], 120);
    expect(snippet).toContain('<mark>Camps</mark> and the <mark>withdrawal</mark> together.');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });

  it('cuts only between words, with … at each cut, within about the asked length', () => {
    const text = `${filler(20)}The withdrawal ${filler(20)}`;
    const { snippet } = makeSnippet(text, new Set(['withdraw']), [], [], 100);
    const plain = snippet.replace(/<\/?mark>/g, '');
    expect(plain).toMatch(/^…\S/);
    expect(plain).toMatch(/\S…$/);
    expect(plain.length).toBeLessThanOrEqual(102);
    for (const piece of plain.slice(1, -1).split(/\s+/))
      expect(text).toMatch(new RegExp(`(^|\\s)${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`));
  });

  it('never cuts a surrogate pair', () => {
    const text = `${'😀'.repeat(150)} withdrawal ${'😀'.repeat(150)}`;
    for (let size = 40; size < 60; size++) {
      const { snippet } = makeSnippet(text, new Set(['withdraw']), [], [], size);
      expect(snippet).toContain('<mark>withdrawal</mark>');
      expect(isWellFormed(snippet), `size ${size}`).toBe(true);
      expect(isWellFormed(makeSnippet('😀'.repeat(200), none, [], [], size).snippet)).toBe(true);
    }
    expect(isWellFormed('a\ud83d')).toBe(false);
  });

  it('starts at the beginning when nothing matches, and keeps short texts whole', () => {
    expect(makeSnippet('Short   text,\nno match.', new Set(['x']), [], [])).toMatchObject({
      snippet: 'Short text, no match.',
      matches: [],
    });
    const long = makeSnippet(filler(20), none, [], []).snippet;
    expect(long.startsWith('Nothing to see')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1);
    expect(makeSnippet('', none, [], []).snippet).toBe('');
  });

  it('shows the beginning of a match longer than the snippet', () => {
    const { snippet, matches } = makeSnippet(`see ${'a'.repeat(5000)} aaah`, none, ['aaa'], [], 100);
    expect(snippet.length).toBeLessThan(130);
    expect(matches).toEqual(['aaah']);
  });
});
