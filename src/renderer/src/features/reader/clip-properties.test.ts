import { describe, expect, it } from 'vitest';
import type { Clip } from '@shared/types';
import { clipProperties } from './clip-properties';

const base: Clip = {
  id: 'c1',
  type: 'clip',
  title: 'Pastoral mobility',
  tags: [],
  excerpt: '',
  created: '2024-03-01T10:00:00.000Z',
  updated: '2024-03-01T10:00:00.000Z',
  deleted: null,
  rev: 1,
  aliases: [],
  url: 'https://journal.example/articles/12?utm_source=x',
  canonicalUrl: 'https://journal.example/articles/12',
  authors: ['Aminata Keïta', 'Jürgen Müller'],
  siteName: 'Journal of Sahel Studies',
  published: '2023-05',
  lang: 'en',
  clipped: '2024-03-01T10:00:00.000Z',
  html: '',
  text: 'Herders move with the rains.\n\nThey return in the dry season.',
  markdown: '',
  images: [],
  citation: {
    doi: '10.1234/jss.2023.12',
    journal: 'Journal of Sahel Studies',
    volume: '7',
    issue: '2',
    firstPage: '101',
    lastPage: '118',
  },
  suggestedTags: [],
  highlights: [],
};

describe('clipProperties', () => {
  it('lists what is known in citation order, with the DOI and addresses as links', () => {
    const rows = clipProperties(base);
    expect(rows.map((row) => row.label)).toEqual([
      'Authors',
      'Journal',
      'Site',
      'Published',
      'Volume',
      'Issue',
      'Pages',
      'DOI',
      'Language',
      'Address',
      'Canonical address',
      'Clipped',
      'Words',
    ]);
    const byLabel = Object.fromEntries(rows.map((row) => [row.label, row]));
    expect(byLabel.Authors?.value).toBe('Aminata Keïta, Jürgen Müller');
    expect(byLabel.Pages?.value).toBe('101–118');
    expect(byLabel.DOI).toEqual({
      label: 'DOI',
      value: '10.1234/jss.2023.12',
      href: 'https://doi.org/10.1234/jss.2023.12',
    });
    expect(byLabel.Words?.value).toBe('11');
  });

  it('leaves out what the page did not say', () => {
    const rows = clipProperties({
      ...base,
      authors: ['Sahel desk'],
      citation: null,
      lang: null,
      published: null,
      canonicalUrl: base.url,
    });
    expect(rows.map((row) => row.label)).toEqual(['Author', 'Site', 'Address', 'Clipped', 'Words']);
  });
});
