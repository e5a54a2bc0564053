import { describe, expect, it } from 'vitest';
import { foldText, indexTerms, stem, stemPrefix, tokenize } from './text';

const stems = (words: string) => words.split(' ').map((w) => stem(foldText(w)));

describe('foldText', () => {
  it('drops case and accents, and spells out ligatures', () => {
    expect(foldText('Keïta')).toBe('keita');
    expect(foldText('SÉCURITÉ à Ménaka')).toBe('securite a menaka');
    expect(foldText('Œuvre, Æsir, Straße, Øresund, Łódź')).toBe('oeuvre, aesir, strasse, oresund, lodz');
    expect(foldText('l’armée')).toBe("l'armee");
  });

  it('treats composed and decomposed accents alike', () => {
    expect(foldText('Se\u0301curite\u0301')).toBe(foldText('Sécurité'));
  });
});

describe('tokenize', () => {
  it('gives words with their offsets in the original text', () => {
    const text = 'Awa  Keïta, 2024!';
    expect(tokenize(text)).toEqual([
      { term: 'awa', start: 0, end: 3 },
      { term: 'keita', start: 5, end: 10 },
      { term: '2024', start: 12, end: 16 },
    ]);
    for (const t of tokenize('Se\u0301curite\u0301 ok')) expect(t.end).toBeGreaterThan(t.start);
    expect(tokenize('Se\u0301curite\u0301 ok').map((t) => t.term)).toEqual(['securite', 'ok']);
  });

  it('splits hyphenated words and drops French elisions and the possessive', () => {
    const terms = (s: string) => tokenize(s).map((t) => t.term);
    expect(terms("l'armée d’Afrique qu'il")).toEqual(['armee', 'afrique', 'il']);
    expect(terms("Jean-Pierre's covid-19 aujourd'hui")).toEqual([
      'jean',
      'pierre',
      'covid',
      '19',
      'aujourd',
      'hui',
    ]);
    expect(terms("rock 'n' roll, l'")).toEqual(['rock', 'n', 'roll', 'l']);
  });

  it('reads any script, and no symbols', () => {
    const terms = (s: string) => tokenize(s).map((t) => t.term);
    expect(terms('Москва الساحل 東京 😀 ✓ — 𝐀bc')).toEqual(['москва', 'الساحل', '東京', 'abc']);
  });
});

describe('stem', () => {
  it.each([
    ['withdraw withdrawal withdrawals withdrawing withdraws'],
    ['camp camps camping'],
    ['retrait retraits'],
    ['sécurité sécurités Securite'],
    ['policy policies'],
    ['study studies studied studying'],
    ['stop stopped stopping stops'],
    ['change changed changing changes changement'],
    ['govern government governments'],
    ['loss losses'],
    ['box boxes'],
    ['class classes classe'],
    ['church churches'],
    ['tax taxes taxe'],
    ['movie movies'],
    ['nation national nationale nationales'],
    ['journal journaux'],
    ['cheval chevaux'],
    ['bureau bureaux'],
    ['lieu lieux'],
    ['grand grande grandes'],
    ['malien malienne maliens maliennes'],
    ['nouvel nouvelle nouvelles'],
    ['rapide rapides rapidement'],
    ['force forced forces forcing'],
    ['place placed places'],
    ['house houses housing'],
    ['quick quickly'],
    ['armée armées'],
    ['fosse fosses'],
    ['partie parties'],
    ['jihadiste jihadistes jihadists jihadist'],
    ['déplacé déplacés déplacement'],
    ['running run'],
    ['convoi convois'],
    ['emploi emplois'],
    ['français française'],
  ])('conflates %s', (words) => {
    expect(new Set(stems(words)).size).toBe(1);
  });

  it('leaves short words and -ss/-us/-is words alone', () => {
    for (const word of 'bus gas this is was has his paris news class virus analysis campus mali'.split(' ')) {
      expect(stem(word)).toBe(word);
    }
  });

  it.each([
    ['news', 'new'],
    ['paris', 'pari'],
    ['port', 'portal'],
    ['sign', 'signal'],
    ['norm', 'normal'],
    ['post', 'postal'],
    ['note', 'not'],
    ['site', 'sit'],
    ['plane', 'plan'],
    ['rate', 'rat'],
    ['evening', 'even'],
    ['herring', 'her'],
    ['arme', 'armée'],
    ['armement', 'armée'],
    ['bearing', 'bear'],
    ['special', 'species'],
    ['pays', 'pay'],
    ['made', 'mad'],
    ['hate', 'hat'],
    ['during', 'dur'],
    ['mining', 'min'],
    ['stage', 'stag'],
    ['timing', 'tim'],
    ['caring', 'car'],
    ['reveal', 'rêve'],
    ['ideal', 'idea'],
    ['king', 'kin'],
    ['thing', 'thin'],
    ['belly', 'bell'],
    ['bully', 'bull'],
    ['early', 'ear'],
    ['only', 'on'],
    ['budget', 'budgetary'],
    ['general', 'generate'],
    ['business', 'busy'],
    ['camp', 'campus'],
    ['final', 'fine'],
    ['niger', 'nigeria'],
    ['mortal', 'mort'],
    ['care', 'car'],
    ['mois', 'moi'],
    ['fois', 'foi'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(stem(foldText(a))).not.toBe(stem(foldText(b)));
  });

  it('leaves numbers and other scripts alone', () => {
    expect(stem('2024')).toBe('2024');
    expect(stem('москвы')).toBe('москвы');
    expect(stem('covid19s')).toBe('covid19s');
  });
});

describe('stemPrefix', () => {
  it('is a prefix of the stem of every word being typed', () => {
    const words =
      'withdrawal withdrawing relying copying running nationales journaux securites malienne studies'.split(
        ' ',
      );
    for (const word of words) {
      for (let k = 1; k <= word.length; k++) {
        expect(stem(word).startsWith(stemPrefix(word.slice(0, k))), `${word.slice(0, k)} → ${word}`).toBe(
          true,
        );
      }
    }
    expect(stemPrefix('withd')).toBe('withd');
    expect(stemPrefix('withdrawa')).toBe('withdraw');
    expect(stemPrefix('mali')).toBe('mali');
  });
});

describe('indexTerms', () => {
  it('folds and stems every word, in order', () => {
    expect(indexTerms("L'Armée malienne annonce le retrait des camps")).toEqual([
      'armee',
      'malien',
      'annonc',
      'le',
      'retrait',
      'des',
      'camp',
    ]);
  });
});
