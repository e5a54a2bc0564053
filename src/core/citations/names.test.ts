import { describe, expect, it } from 'vitest';
import { keyName, splitName } from './names';

describe('splitName', () => {
  it.each([
    ['Aminata Keïta', { family: 'Keïta', given: 'Aminata' }],
    ['Keïta, Aminata', { family: 'Keïta', given: 'Aminata' }],
    ['  Jean-Luc   Dupont ', { family: 'Dupont', given: 'Jean-Luc' }],
    ['Ag Mohamed, Ibrahim', { family: 'Ag Mohamed', given: 'Ibrahim' }],
    ['Ibrahim Ag Mohamed', { family: 'Ag Mohamed', given: 'Ibrahim' }],
    ['Ludwig van Beethoven', { family: 'van Beethoven', given: 'Ludwig' }],
    ['Ana María de la Cruz', { family: 'de la Cruz', given: 'Ana María' }],
    ['Mary Ann Smith', { family: 'Smith', given: 'Mary Ann' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Martin Luther King, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['King, Jr., Martin Luther', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['King, Martin Luther, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
  ])('splits the person %j', (raw, expected) => {
    expect(splitName(raw)).toEqual(expected);
  });

  it.each([
    'Reuters',
    'Madonna',
    'The Sahel Observer',
    'Associated Press',
    'BBC News',
    'World Health Organization',
    'Editorial Staff',
    'Université des Lettres et des Sciences Humaines de Bamako',
    'Smith & Jones',
    'Team 7',
    'One, Two, Three',
  ])('keeps %j whole as a literal name', (raw) => {
    expect(splitName(raw)).toEqual({ literal: raw });
  });

  it('composes Unicode names so accents compare equal', () => {
    expect(splitName('Aminata Kei\u0308ta')).toEqual({ family: 'Keïta', given: 'Aminata' });
  });
});

describe('keyName', () => {
  it('drops the particles of a family name, and takes a literal as it is', () => {
    expect(keyName({ family: 'van Beethoven', given: 'Ludwig' })).toBe('Beethoven');
    expect(keyName({ family: 'Ag Mohamed', given: 'Ibrahim' })).toBe('Mohamed');
    expect(keyName({ family: 'Keïta' })).toBe('Keïta');
    expect(keyName({ literal: 'World Health Organization' })).toBe('World Health Organization');
  });
});
