import { describe, expect, it } from 'vitest';
import { hasPhrase } from './index-phrase';
import { bodyWords, mayHoldPhrase, pairFilter } from './pair-filter';
import { tokenize } from './text';

const TEXTS = [
  'The withdrawal of the peacekeepers was announced in June.',
  "L'armée a quitté Gao ; d'après Aminata Keïta, l'accord tient. Keïta's view: qu'il parte.",
  'Œuvres complètes — Straße, ÆSIR, naïve café: co-operation in 2024, 3.5% more, e-mail’s end.',
  'Un mot\u0301 combiné, 東京 and 北京, emoji 👍 between words, ＦＵＬＬ width.',
  'repeat repeat repeat the the of of the end',
];

describe('pairFilter', () => {
  it('says "maybe" to every phrase a body holds, whatever its words and marks', () => {
    for (const text of TEXTS) {
      const words = tokenize(text).map((token) => token.term);
      const filter = pairFilter(bodyWords(text));
      for (let length = 1; length <= 4; length++) {
        for (let at = 0; at + length <= words.length; at++) {
          const phrase = words.slice(at, at + length);
          if (!hasPhrase(text, phrase)) continue;
          expect(mayHoldPhrase(filter, phrase), `${phrase.join(' ')} in ${text}`).toBe(true);
        }
      }
    }
  });

  it('says "no" to nearly every pair of a body\'s words that never stand side by side', () => {
    const words = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}x`);
    const filter = pairFilter(bodyWords(words.join(' ')));
    let maybe = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      expect(mayHoldPhrase(filter, [words[i] as string, words[i + 1] as string])).toBe(true);
      if (mayHoldPhrase(filter, [words[i + 1] as string, words[i] as string])) maybe++;
    }
    expect(maybe).toBeLessThan(words.length / 10);
  });

  it('holds no pair for a body of fewer than two words, and lets one-word phrases through', () => {
    for (const body of ['', 'alone', '  …  ']) {
      expect(mayHoldPhrase(pairFilter(bodyWords(body)), ['alone', 'again'])).toBe(false);
      expect(mayHoldPhrase(pairFilter(bodyWords(body)), ['alone'])).toBe(true);
    }
  });
});
