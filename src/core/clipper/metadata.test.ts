import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom';
import { readMetadata } from './metadata';
import { toTag } from './suggested-tags';

const read = (
  head: string,
  body = '',
  url: string | null = 'https://site.example/a',
): ReturnType<typeof readMetadata> =>
  readMetadata(parseDocument(`<html><head>${head}</head><body>${body}</body></html>`), url, url);
const jsonLd = (data: unknown): string =>
  `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('JSON-LD', () => {
  it('reads an article inside @graph, resolving @id references for author and publisher', () => {
    const meta = read(
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', name: 'Site Name' },
          { '@type': 'Person', '@id': '#p1', name: 'Fatou Sow' },
          { '@type': 'Organization', '@id': '#org', name: 'Publisher Ltd' },
          {
            '@type': ['NewsArticle'],
            headline: 'The headline',
            author: [
              { '@id': '#p1' },
              { '@type': 'Person', name: 'By Oumar Cissé' },
              'https://site.example/authors/x',
            ],
            publisher: { '@id': '#org' },
            datePublished: '2024-09-03T08:45:00+02:00',
            keywords: 'Mali, floods',
            inLanguage: 'fr',
          },
        ],
      }),
    );
    expect(meta).toMatchObject({
      title: 'The headline',
      authors: ['Fatou Sow', 'Oumar Cissé'],
      siteName: 'Site Name',
      published: '2024-09-03T08:45:00+02:00',
      lang: 'fr',
      citation: { type: 'article-newspaper', publisher: 'Publisher Ltd' },
      suggestedTags: ['Mali', 'floods'],
    });
  });

  it('reads arrays of top-level nodes, schema: prefixes, givenName/familyName and keyword arrays', () => {
    const meta = read(
      jsonLd([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        {
          '@type': 'http://schema.org/BlogPosting',
          name: 'Post name',
          author: { '@type': 'Person', givenName: 'Ada', familyName: 'Lovelace' },
          dateCreated: '2023/05/01',
          keywords: ['history', 'computing'],
        },
      ]),
    );
    expect(meta).toMatchObject({
      title: 'Post name',
      authors: ['Ada Lovelace'],
      published: '2023-05-01',
      citation: { type: 'post-weblog' },
      suggestedTags: ['history', 'computing'],
    });
  });

  it('survives broken JSON-LD and falls back to other sources', () => {
    const meta = read(
      '<script type="application/ld+json">{ "@type": "Article", </script><meta property="og:title" content="OG">',
    );
    expect(meta.title).toBe('OG');
  });

  it('reads a scholarly article: DOI from identifier, journal, volume and issue from isPartOf', () => {
    const meta = read(
      jsonLd({
        '@type': 'ScholarlyArticle',
        headline: 'Paper',
        identifier: { '@type': 'PropertyValue', propertyID: 'doi', value: 'https://doi.org/10.1234/ABC.5' },
        isPartOf: {
          '@type': 'PublicationIssue',
          issueNumber: 3,
          isPartOf: {
            '@type': 'PublicationVolume',
            volumeNumber: '7',
            isPartOf: { '@type': 'Periodical', name: 'J. Test', issn: '1234-5678' },
          },
        },
        pageStart: '10',
        pageEnd: '20',
      }),
    );
    expect(meta.citation).toEqual({
      type: 'article-journal',
      doi: '10.1234/ABC.5',
      journal: 'J. Test',
      volume: '7',
      issue: '3',
      firstPage: '10',
      lastPage: '20',
      issn: '1234-5678',
    });
  });
});

describe('citation_* tags', () => {
  it('reads Highwire tags, authors as "Last, First", dates with slashes, a relative PDF URL', () => {
    const meta = read(
      [
        '<meta name="citation_title" content="A study">',
        '<meta name="citation_author" content="Keïta, Aminata">',
        '<meta name="citation_author" content="Dupont, Jean-Luc">',
        '<meta name="citation_publication_date" content="2023/06/15">',
        '<meta name="citation_journal_title" content="Journal">',
        '<meta name="citation_volume" content="14"><meta name="citation_issue" content="2">',
        '<meta name="citation_firstpage" content="145"><meta name="citation_lastpage" content="172">',
        '<meta name="citation_doi" content="doi:10.5555/x.1">',
        '<meta name="citation_issn" content="2345-6789"><meta name="citation_publisher" content="Press">',
        '<meta name="citation_pdf_url" content="/pdf/1">',
      ].join(''),
    );
    expect(meta).toMatchObject({
      title: 'A study',
      authors: ['Aminata Keïta', 'Jean-Luc Dupont'],
      published: '2023-06-15',
    });
    expect(meta.citation).toEqual({
      type: 'article-journal',
      doi: '10.5555/x.1',
      journal: 'Journal',
      publisher: 'Press',
      volume: '14',
      issue: '2',
      firstPage: '145',
      lastPage: '172',
      issn: '2345-6789',
      pdfUrl: 'https://site.example/pdf/1',
    });
  });

  it('is null when the page declares nothing bibliographic', () => {
    expect(read('<meta property="og:title" content="x">').citation).toBeNull();
  });
});

describe('the other sources, best first', () => {
  it('prefers JSON-LD over citation_* over OpenGraph over meta author', () => {
    const head =
      '<meta property="og:title" content="OG title"><meta name="twitter:title" content="Twitter title">' +
      '<meta name="author" content="Meta Author"><meta property="article:published_time" content="2024-01-02">';
    expect(read(head)).toMatchObject({
      title: 'OG title',
      authors: ['Meta Author'],
      published: '2024-01-02',
    });
    expect(
      read(
        `${head}<meta name="citation_title" content="Cite title"><meta name="citation_author" content="Doe, Jane">`,
      ),
    ).toMatchObject({
      title: 'Cite title',
      authors: ['Jane Doe'],
    });
    expect(
      read(
        `${head}${jsonLd({ '@type': 'Article', headline: 'LD title', author: 'LD Author', datePublished: '2020-05-05' })}`,
      ),
    ).toMatchObject({
      title: 'LD title',
      authors: ['LD Author'],
      published: '2020-05-05',
    });
  });

  it('falls back to microdata, rel=author in the article and <time datetime>', () => {
    const meta = read(
      '',
      '<article><span itemprop="author" itemscope><span itemprop="name">Micro Author</span></span>' +
        '<time datetime="2022-03-04T05:06:07Z">4 March</time></article><aside><a rel="author" href="/me">Sidebar Person</a></aside>',
    );
    expect(meta).toMatchObject({ authors: ['Micro Author'], published: '2022-03-04T05:06:07Z' });
    expect(
      read(
        '',
        '<article><a rel="author" href="/a">Article Author</a></article><a rel="author">View my profile</a>',
      ).authors,
    ).toEqual(['Article Author']);
  });

  it('takes the site name from og:site_name, else from the <title> around the article title', () => {
    expect(
      read('<meta property="og:site_name" content="OG Site"><meta property="og:title" content="Story">')
        .siteName,
    ).toBe('OG Site');
    expect(
      read('<title>Sahel Press Review: Story title</title><meta property="og:title" content="Story title">'),
    ).toMatchObject({
      siteName: 'Sahel Press Review',
      title: 'Story title',
    });
    expect(
      read(
        '<title>Story title | The Paper</title><meta property="og:title" content="Story title | The Paper">',
      ),
    ).toMatchObject({
      siteName: null,
      title: 'Story title | The Paper',
    });
    expect(
      read(
        '<meta property="og:site_name" content="The Paper"><meta property="og:title" content="Story title | The Paper">',
      ).title,
    ).toBe('Story title');
  });

  it('normalises the language from lang, xml:lang, http-equiv or og:locale', () => {
    const lang = (html: string): string | null => readMetadata(parseDocument(html), null, null).lang;
    expect(lang('<html lang="EN-us"><body></body></html>')).toBe('en-US');
    expect(
      lang('<html><head><meta http-equiv="content-language" content="de"></head><body></body></html>'),
    ).toBe('de');
    expect(lang('<html><head><meta property="og:locale" content="fr_FR"></head><body></body></html>')).toBe(
      'fr-FR',
    );
    expect(lang('<html lang="zh-hant-tw"><body></body></html>')).toBe('zh-Hant-TW');
    expect(lang('<html lang=""><body></body></html>')).toBeNull();
  });
});

describe('suggested tags', () => {
  it('gathers article:tag, keywords, JSON-LD keywords and rel=tag links, each once, as valid tags', () => {
    const meta = read(
      '<meta property="article:tag" content="Mali"><meta property="article:tag" content="climate change">' +
        '<meta name="keywords" content="mali, Sahel ; #food security, ">' +
        jsonLd({ '@type': 'Article', keywords: ['Sahel', 'Niger River'] }),
      '<div class="labels">Labels: <a rel="tag" href="/l/AES">AES</a>, <a rel="tag" href="/l/x">C++ &amp; "stuff"!</a></div>',
    );
    expect(meta.suggestedTags).toEqual([
      'Mali',
      'climate-change',
      'Sahel',
      'food-security',
      'Niger-River',
      'AES',
      'C-stuff',
    ]);
  });

  it('makes a keyword a valid tag or drops it', () => {
    expect(toTag('  sécurité alimentaire ')).toBe('sécurité-alimentaire');
    expect(toTag('sahel/mali')).toBe('sahel/mali');
    expect(toTag('!!!')).toBeNull();
    expect(toTag('a much too long keyword phrase here')).toBeNull();
    expect(toTag('x'.repeat(150))).toBeNull();
  });
});
