/**
 * What a page's JSON-LD says about its article: the first Article-like node (NewsArticle,
 * BlogPosting, ScholarlyArticle, …) found in any script, inside arrays or `@graph`, with `@id`
 * references resolved; and the name of the WebSite node.
 */
import { all, type DomDocument } from './dom';
import { extractDoi } from './doi';

export interface JsonLdArticle {
  /** The schema.org type, e.g. `NewsArticle`. */
  type: string;
  headline?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  keywords: string[];
  inLanguage?: string;
  description?: string;
  url?: string;
  journal?: string;
  volume?: string;
  issue?: string;
  pageStart?: string;
  pageEnd?: string;
  issn?: string;
  isbn?: string;
  doi?: string;
}

export interface JsonLdFacts {
  article: JsonLdArticle | null;
  siteName?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set(
  (
    'Article NewsArticle ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle BackgroundNewsArticle ' +
    'ReviewNewsArticle AskPublicNewsArticle BlogPosting LiveBlogPosting SocialMediaPosting ' +
    'DiscussionForumPosting ScholarlyArticle MedicalScholarlyArticle TechArticle APIReference Report ' +
    'SatiricalArticle Chapter Thesis'
  ).split(' '),
);

export function readJsonLd(document: DomDocument): JsonLdFacts {
  const nodes: JsonObject[] = [];
  for (const script of all(document, 'script[type]')) {
    if (!/^application\/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const data = parseJson(script.textContent ?? '');
    if (data !== undefined) collect(data, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const resolve = (value: unknown): unknown => {
    if (!isObject(value) || typeof value['@id'] !== 'string' || Object.keys(value).length > 1) return value;
    return byId.get(value['@id']) ?? value;
  };
  const articleNode = nodes.find((node) => typesOf(node).some((type) => ARTICLE_TYPES.has(type)));
  const site = nodes.find((node) => typesOf(node).includes('WebSite'));
  return {
    article: articleNode === undefined ? null : readArticle(articleNode, resolve),
    siteName: site === undefined ? undefined : text(site.name, resolve),
  };
}

function readArticle(node: JsonObject, resolve: (value: unknown) => unknown): JsonLdArticle {
  const article: JsonLdArticle = {
    type: typesOf(node).find((type) => ARTICLE_TYPES.has(type)) ?? 'Article',
    headline: text(node.headline, resolve) ?? text(node.name, resolve),
    authors: names(node.author, resolve).concat(names(node.creator, resolve)),
    datePublished: text(node.datePublished, resolve) ?? text(node.dateCreated, resolve),
    publisher: names(node.publisher, resolve)[0],
    keywords: keywords(node.keywords, resolve),
    inLanguage: text(node.inLanguage, resolve),
    description: text(node.description, resolve),
    url: text(node.url, resolve) ?? text(node.mainEntityOfPage, resolve, '@id'),
    pageStart: text(node.pageStart, resolve),
    pageEnd: text(node.pageEnd, resolve),
    isbn: text(node.isbn, resolve),
    doi: [node.identifier, node.sameAs, node.doi, node['@id']]
      .flatMap((value): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [value]))
      .map((value) => extractDoi(text(resolve(value), resolve, 'value') ?? ''))
      .find((doi) => doi !== undefined),
  };
  // isPartOf: PublicationIssue → PublicationVolume → Periodical, in any order and depth.
  let part = resolve(node.isPartOf);
  for (let depth = 0; depth < 4 && isObject(part); depth += 1) {
    const types = typesOf(part);
    if (types.includes('PublicationIssue')) article.issue ??= text(part.issueNumber, resolve);
    if (types.includes('PublicationVolume')) article.volume ??= text(part.volumeNumber, resolve);
    if (types.includes('Periodical') || types.includes('Newspaper')) {
      article.journal ??= text(part.name, resolve);
      article.issn ??= text(part.issn, resolve);
    }
    part = resolve(part.isPartOf);
  }
  return article;
}

function parseJson(source: string): unknown {
  const cleaned = source.replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '').trim();
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function collect(value: unknown, into: JsonObject[], depth: number): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if ('@type' in value || '@id' in value) into.push(value);
  for (const [key, child] of Object.entries(value)) {
    if (key === '@graph' || key === 'mainEntity' || key === 'hasPart' || key === 'itemListElement')
      collect(child, into, depth + 1);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  return (Array.isArray(raw) ? raw : [raw])
    .filter((type): type is string => typeof type === 'string')
    .map((type) => type.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

/** A plain string from a string, number, first array item, or an object's `key` (name by default). */
function text(value: unknown, resolve: (value: unknown) => unknown, key = 'name'): string | undefined {
  const resolved = resolve(Array.isArray(value) ? value[0] : value);
  if (typeof resolved === 'string') return resolved.trim() === '' ? undefined : resolved.trim();
  if (typeof resolved === 'number') return String(resolved);
  if (isObject(resolved)) {
    const inner = resolved[key] ?? resolved['@value'];
    return typeof inner === 'string' || typeof inner === 'number' ? text(inner, resolve) : undefined;
  }
  return undefined;
}

function names(value: unknown, resolve: (value: unknown) => unknown): string[] {
  return (Array.isArray(value) ? value : [value]).flatMap((item) => {
    const resolved = resolve(item);
    if (isObject(resolved) && resolved.name === undefined) {
      const full = [text(resolved.givenName, resolve), text(resolved.familyName, resolve)].filter(Boolean);
      return full.length === 0 ? [] : [full.join(' ')];
    }
    const name = text(resolved, resolve);
    return name === undefined ? [] : [name];
  });
}

function keywords(value: unknown, resolve: (value: unknown) => unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean);
  if (!Array.isArray(value)) return [];
  return (value as unknown[]).flatMap((item) => {
    const word = text(item, resolve);
    return word === undefined ? [] : [word];
  });
}
