/**
 * What a page says about itself, from every source it offers, best first: JSON-LD, citation_*
 * tags, OpenGraph/Twitter, plain meta tags, microdata, `<time>`, rel=author/tag links. Read from
 * the whole page before anything is removed from it.
 */
import type { Citation } from '../../shared/types';
import { citationName, normalizeAuthors } from './authors';
import { chooseCanonicalUrl } from './canonical-choice';
import { readCitation } from './citation';
import { normalizeDate } from './dates';
import { all, squash, textOf, type DomDocument } from './dom';
import { readJsonLd } from './json-ld';
import { readMetaTags } from './meta-tags';
import { suggestTags } from './suggested-tags';
import { cleanTitle, siteNameFromTitle, splitSiteName } from './title';

export interface PageMetadata {
  /** The article title from metadata, or null when only the `<title>` element has one. */
  title: string | null;
  /** The `<title>` element's text. */
  documentTitle: string;
  authors: string[];
  siteName: string | null;
  published: string | null;
  lang: string | null;
  canonicalUrl: string | null;
  description: string | null;
  citation: Citation | null;
  suggestedTags: string[];
}

const ARTICLE_SCOPE = 'article, [itemtype*="Article"], [itemtype*="BlogPosting"], .hentry, .h-entry, main';

export function readMetadata(
  document: DomDocument,
  pageUrl: string | null,
  base: string | null,
): PageMetadata {
  const meta = readMetaTags(document);
  const jsonLd = readJsonLd(document);
  const article = jsonLd.article;
  const documentTitle = squash(document.querySelector('title')?.textContent);
  const metaTitle =
    article?.headline ??
    meta.first('citation_title', 'og:title', 'twitter:title', 'dc.title', 'dcterms.title');
  const siteName =
    meta.first('og:site_name', 'application-name', 'apple-mobile-web-app-title') ??
    jsonLd.siteName ??
    (metaTitle === undefined ? undefined : siteNameFromTitle(documentTitle, metaTitle)) ??
    null;
  const heading = textOf(document.querySelector('h1'));
  const split = metaTitle === undefined || siteName !== null ? null : splitSiteName(metaTitle, heading);
  const title = metaTitle === undefined ? null : (split?.title ?? cleanTitle(metaTitle, siteName));
  return {
    title: title === '' ? null : title,
    documentTitle,
    authors: readAuthors(document, meta, article?.authors ?? []),
    siteName: siteName ?? split?.siteName ?? null,
    published: readPublished(document, [
      article?.datePublished,
      ...meta.all(
        'citation_publication_date',
        'citation_date',
        'citation_online_date',
        'citation_cover_date',
      ),
      ...meta.all(
        'article:published_time',
        'og:published_time',
        'datepublished',
        'published_time',
        'pubdate',
      ),
      ...meta.all('dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'date', 'sailthru.date'),
      ...meta.all('parsely-pub-date', 'prism.publicationdate', 'article.published'),
    ]),
    lang: readLang(
      document,
      meta.first('og:locale', 'dc.language', 'language', 'content-language') ?? article?.inLanguage,
    ),
    canonicalUrl: chooseCanonicalUrl(document, meta, pageUrl, base),
    description:
      meta.first(
        'og:description',
        'description',
        'twitter:description',
        'dc.description',
        'citation_abstract',
      ) ??
      article?.description ??
      null,
    citation: readCitation(meta, article, base),
    suggestedTags: suggestTags(document, meta, article?.keywords ?? []),
  };
}

function readAuthors(
  document: DomDocument,
  meta: ReturnType<typeof readMetaTags>,
  fromJsonLd: string[],
): string[] {
  const sources: string[][] = [
    fromJsonLd,
    meta.all('citation_author', 'bepress_citation_author').map(citationName),
    meta.all(
      'author',
      'article:author',
      'dc.creator',
      'dcterms.creator',
      'parsely-author',
      'sailthru.author',
    ),
    all(document, '[itemprop~="author"]').map(
      (element) =>
        element.getAttribute('content') ?? textOf(element.querySelector('[itemprop~="name"]') ?? element),
    ),
    all(document, 'a[rel~="author"]')
      .filter((link) => link.closest(ARTICLE_SCOPE) !== null)
      .map((link) => textOf(link))
      .filter((text) => !/\b(?:profile|posts|more|view|all)\b/i.test(text)),
  ];
  for (const source of sources) {
    const authors = normalizeAuthors(source);
    if (authors.length > 0) return authors;
  }
  return [];
}

function readPublished(document: DomDocument, fromMeta: (string | undefined)[]): string | null {
  const fromPage = [
    ...all(document, '[itemprop~="datePublished"]').map(
      (element) =>
        element.getAttribute('content') ??
        element.getAttribute('datetime') ??
        element.getAttribute('title') ??
        textOf(element),
    ),
    ...all(document, 'time[pubdate], article time[datetime], time[datetime]').map(
      (element) => element.getAttribute('datetime') ?? '',
    ),
  ];
  for (const raw of [...fromMeta, ...fromPage]) {
    const date = normalizeDate(raw);
    if (date !== null) return date;
  }
  return null;
}

function readLang(document: DomDocument, fallback: string | undefined): string | null {
  const html = document.documentElement;
  const httpEquiv = all(document, 'meta[http-equiv]').find(
    (element) => element.getAttribute('http-equiv')?.toLowerCase() === 'content-language',
  );
  const raw = [
    html.getAttribute('lang'),
    html.getAttribute('xml:lang'),
    httpEquiv?.getAttribute('content'),
    fallback,
  ]
    .map((value) => (value ?? '').split(',')[0]?.trim() ?? '')
    .find((value) => /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i.test(value));
  return raw === undefined ? null : normalizeLangTag(raw);
}

/** `en_us` → `en-US`, `zh-hant-tw` → `zh-Hant-TW`. */
export function normalizeLangTag(tag: string): string {
  return tag
    .split(/[-_]/)
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0]?.toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}
