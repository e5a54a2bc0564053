import { describe, expect, it } from 'vitest';
import { citationName, normalizeAuthors } from './authors';

describe('normalizeAuthors', () => {
  it('drops "By" and its kin, and keeps each person once', () => {
    expect(
      normalizeAuthors([
        'By Fatou Sow',
        'Fatou Sow',
        'fatou sow',
        'Par Aïssata Traoré',
        'Written by: Oumar Cissé',
      ]),
    ).toEqual(['Fatou Sow', 'Aïssata Traoré', 'Oumar Cissé']);
  });

  it('splits "A and B", "A & B", "A, B" and "A; B"', () => {
    expect(normalizeAuthors(['Fatou Sow and Oumar Cissé'])).toEqual(['Fatou Sow', 'Oumar Cissé']);
    expect(normalizeAuthors(['Jane Doe & John Smith; Ada Lovelace'])).toEqual([
      'Jane Doe',
      'John Smith',
      'Ada Lovelace',
    ]);
    expect(normalizeAuthors(['Jane Doe, John Smith, Ada Lovelace'])).toEqual([
      'Jane Doe',
      'John Smith',
      'Ada Lovelace',
    ]);
    expect(normalizeAuthors(['Amadou Diallo et Claire Martin'])).toEqual(['Amadou Diallo', 'Claire Martin']);
  });

  it('reads "Last, First" as one person, and keeps "y" inside Spanish names', () => {
    expect(normalizeAuthors(['Doe, Jane'])).toEqual(['Jane Doe']);
    expect(normalizeAuthors(['José Ortega y Gasset'])).toEqual(['José Ortega y Gasset']);
  });

  it('drops URLs, e-mail addresses, placeholders and sentences', () => {
    expect(
      normalizeAuthors([
        'https://www.facebook.com/someone',
        'www.example.org/authors/x',
        'editor@example.org',
        'admin',
        'This is a very long sentence that is certainly not the name of any person at all',
        'Published 2024-11-12',
        'Fatou Sow',
      ]),
    ).toEqual(['Fatou Sow']);
  });
});

describe('citationName', () => {
  it('turns "Last, First" into "First Last"', () => {
    expect(citationName('Keïta, Aminata')).toBe('Aminata Keïta');
    expect(citationName('Ag Mohamed, Ibrahim')).toBe('Ibrahim Ag Mohamed');
    expect(citationName('Aminata Keïta')).toBe('Aminata Keïta');
    expect(citationName('A, B, C')).toBe('A, B, C');
  });
});
