import { describe, expect, it } from 'vitest';
import { anchorAt, anchorQuote, CONTEXT_LENGTH, locateAnchor } from './text-anchor';
import type { TextAnchor } from './types';

const ARTICLE = [
  'The granaries of Djenné are rebuilt every spring, after the last rains.',
  'Masons mix the mud with rice husks and leave it to ferment for weeks.',
  'Every spring, the whole town turns out to replaster the great mosque.',
].join('\n\n');

/** The anchor a person would make by selecting `quote` (its `nth` occurrence) in `text`. */
function anchorOf(text: string, quote: string, nth = 0): TextAnchor {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  return anchorAt(text, start, start + quote.length);
}

const located = (text: string, anchor: TextAnchor): string | null => {
  const range = locateAnchor(text, anchor);
  return range === null ? null : text.slice(range.start, range.end);
};

describe('anchorQuote', () => {
  it('anchors an exact quote with its offsets and up to 32 characters of context', () => {
    const anchor = anchorQuote(ARTICLE, 'rice husks');
    const start = ARTICLE.indexOf('rice husks');
    expect(anchor).toEqual({
      quote: 'rice husks',
      prefix: ARTICLE.slice(start - CONTEXT_LENGTH, start),
      suffix: ARTICLE.slice(start + 10, start + 10 + CONTEXT_LENGTH),
      start,
      end: start + 10,
    });
    expect(CONTEXT_LENGTH).toBe(32);
  });

  it('keeps the context short at the edges of the text', () => {
    const anchor = anchorQuote(ARTICLE, 'The granaries');
    expect(anchor).toMatchObject({ prefix: '', start: 0, end: 13 });
    const last = anchorQuote(ARTICLE, 'great mosque.');
    expect(last).toMatchObject({ suffix: '', end: ARTICLE.length });
  });

  it('tolerates different whitespace, and returns the quote as the text writes it', () => {
    // A browser selection across two paragraphs: one newline, a no-break space, stray spaces.
    const selection = '  after the last\u00a0rains.\nMasons   mix the mud \t';
    const anchor = anchorQuote(ARTICLE, selection);
    expect(anchor?.quote).toBe('after the last rains.\n\nMasons mix the mud');
    expect(ARTICLE.slice(anchor?.start, anchor?.end)).toBe(anchor?.quote);
  });

  it('finds a quote across block elements that touch in a DOM textContent', () => {
    const textContent = ARTICLE.replace(/\n\n/g, '');
    const anchor = anchorQuote(textContent, 'the last rains.\n\nMasons mix');
    expect(anchor?.quote).toBe('the last rains.Masons mix');
  });

  it('returns null for a passage that is not in the text, or only whitespace', () => {
    expect(anchorQuote(ARTICLE, 'rice husk and straw')).toBeNull();
    expect(anchorQuote(ARTICLE, 'Rice Husks')).toBeNull();
    expect(anchorQuote(ARTICLE, ' \n ')).toBeNull();
  });

  it('picks among several occurrences by prefix, by suffix, then by nearness to start', () => {
    const first = ARTICLE.indexOf('spring');
    const second = ARTICLE.indexOf('spring', first + 1);
    expect(anchorQuote(ARTICLE, 'spring')?.start).toBe(first);
    expect(anchorQuote(ARTICLE, 'spring', { prefix: 'weeks.\n\nEvery ' })?.start).toBe(second);
    expect(anchorQuote(ARTICLE, 'spring', { suffix: ', the whole' })?.start).toBe(second);
    expect(anchorQuote(ARTICLE, 'spring', { suffix: ', after' })?.start).toBe(first);
    expect(anchorQuote(ARTICLE, 'spring', { start: second - 5 })?.start).toBe(second);
    // Agreeing context beats nearness.
    expect(anchorQuote(ARTICLE, 'spring', { prefix: 'rebuilt every ', start: second })?.start).toBe(first);
  });

  it('compares prefix and suffix whatever their whitespace', () => {
    const second = ARTICLE.lastIndexOf('spring');
    expect(anchorQuote(ARTICLE, 'spring', { prefix: 'for weeks. Every ' })?.start).toBe(second);
  });

  it('counts offsets in UTF-16 code units and never splits a surrogate pair in the context', () => {
    const text = `${'🌾'.repeat(20)} Djenné’s 泥の大モスク, rebuilt ${'🌾'.repeat(20)}`;
    const anchor = anchorQuote(text, 'Djenné’s 泥の大モスク');
    expect(anchor?.start).toBe(41);
    expect(text.slice(anchor?.start, anchor?.end)).toBe('Djenné’s 泥の大モスク');
    // 32 code units back would land in the middle of an emoji.
    expect(anchor?.prefix).toBe('🌾'.repeat(15) + ' ');
    expect(anchor?.suffix.endsWith('\ud83c')).toBe(false);
    expect(anchor?.suffix).toBe(`, rebuilt ${'🌾'.repeat(11)}`);
  });
});

describe('locateAnchor', () => {
  it('finds the passage at its old offsets when nothing changed', () => {
    const anchor = anchorOf(ARTICLE, 'ferment for weeks');
    expect(locateAnchor(ARTICLE, anchor)).toEqual({ start: anchor.start, end: anchor.end });
  });

  it('follows the passage when text is inserted before it', () => {
    const anchor = anchorOf(ARTICLE, 'ferment for weeks');
    const edited = `An introduction of some length.\n\n${ARTICLE}`;
    const range = locateAnchor(edited, anchor);
    expect(range?.start).toBe(anchor.start + 33);
    expect(located(edited, anchor)).toBe('ferment for weeks');
  });

  it('keeps to the right occurrence of a repeated quote when the text moves', () => {
    const again = anchorOf(ARTICLE, 'spring', 1);
    // Insert exactly enough text that the first occurrence now sits at the second one's old offset.
    const shift = again.start - ARTICLE.indexOf('spring');
    const edited = `${'x'.repeat(shift - 2)}.\n${ARTICLE}`;
    const range = locateAnchor(edited, again);
    expect(edited.slice((range?.start ?? 0) - 6, range?.end)).toBe('Every spring');
    expect(range?.start).toBe(again.start + shift);
  });

  it('re-attaches after a small edit inside the passage, between its old context', () => {
    const anchor = anchorOf(ARTICLE, 'Masons mix the mud with rice husks and leave it to ferment');
    const edited = ARTICLE.replace('rice husks', 'rice husk');
    expect(located(edited, anchor)).toBe('Masons mix the mud with rice husk and leave it to ferment');
    // Too few words for a match by words: one of three changed.
    const short = anchorOf(ARTICLE, 'ferment for weeks');
    expect(located(ARTICLE.replace('ferment for', 'ferments for'), short)).toBe('ferments for weeks');
  });

  it('re-attaches after an edit to both the passage and its context, by its words', () => {
    const anchor = anchorOf(ARTICLE, 'Masons mix the mud with rice husks and leave it to ferment for weeks.');
    const edited = ARTICLE.replace('after the last rains.', 'once the rains are over.')
      .replace('with rice husks', 'with straw')
      .replace('weeks.\n\nEvery', 'weeks.\n\nEach');
    expect(located(edited, anchor)).toBe('Masons mix the mud with straw and leave it to ferment for weeks.');
  });

  it('orphans a passage that was removed', () => {
    const anchor = anchorOf(ARTICLE, 'Masons mix the mud with rice husks and leave it to ferment for weeks.');
    const edited = ARTICLE.replace(anchor.quote, '');
    expect(locateAnchor(edited, anchor)).toBeNull();
  });

  it('orphans a passage rewritten beyond recognition in place', () => {
    const anchor = anchorOf(ARTICLE, 'Masons mix the mud with rice husks');
    const edited = ARTICLE.replace('Masons mix the mud with rice husks', 'Builders prepare clay using chaff');
    expect(locateAnchor(edited, anchor)).toBeNull();
  });

  it('finds an anchor made on the stored text in a DOM textContent, and back', () => {
    const anchor = anchorOf(ARTICLE, 'last rains.\n\nMasons mix');
    const textContent = ARTICLE.replace(/\n\n/g, '\n');
    expect(located(textContent, anchor)).toBe('last rains.\nMasons mix');
    const touching = ARTICLE.replace(/\n\n/g, '');
    expect(located(touching, anchor)).toBe('last rains.Masons mix');
    const fromDom = anchorOf(touching, 'rains.Masons');
    expect(located(ARTICLE, fromDom)).toBe('rains.\n\nMasons');
  });

  it('re-attaches unicode passages after an edit around them', () => {
    const text = 'Au printemps, on recrépit la grande mosquée de Djenné — 泥の大モスク — chaque année.';
    const anchor = anchorOf(text, 'la grande mosquée de Djenné');
    const edited = `Préambule. ${text.replace('chaque année', 'tous les ans')}`;
    expect(located(edited, anchor)).toBe('la grande mosquée de Djenné');
    const cjk = anchorOf(text, '泥の大モスク');
    expect(located(edited.replace('泥の大モスク', '泥の巨大モスク'), cjk)).toBe('泥の巨大モスク');
    expect(located(edited.replace('泥の大モスク', '泥モ'), cjk)).toBeNull();
  });

  it('takes back the punctuation around a passage matched by its words', () => {
    const text = 'She said: “The mud must ferment for weeks.” Then she left.';
    const anchor = anchorOf(text, '“The mud must ferment for weeks.”');
    const edited = `Later. ${text.replace('She said:', 'The mason told us:').replace('Then she left.', 'And went home.').replace('must', 'should')}`;
    expect(located(edited, anchor)).toBe('“The mud should ferment for weeks.”');
  });
});
