/**
 * Article extraction: HTML (and the address it came from) in, a clean article and its metadata
 * out. Synchronous and pure — no network, no library — so it runs in a worker thread (see
 * extractor.ts) as well as in-process.
 *
 * parse (linkedom) → metadata from the whole page → prepare (footnotes, code, furniture, images,
 * links) → Readability + our corrections (or the whole page, simplified) → sanitise (DOMPurify on
 * jsdom) → plain text, Markdown (Turndown) and the image list from the sanitised HTML.
 */
import type { Citation } from '../../shared/types';
import { NotebookError } from '../../shared/errors';
import { looksLikeArticle, readArticle, tidyContent, type ReadabilityFacts } from './article-content';
import { normalizeAuthors } from './authors';
import { parseHttpUrl } from './canonical-url';
import { calendarDate, normalizeDate } from './dates';
import { all, limitNesting, parseDocument, parseFragment, squash, textOf, type DomElement } from './dom';
import { toMarkdown } from './markdown';
import { normalizeLangTag, readMetadata } from './metadata';
import { toPlainText } from './plain-text';
import { pageBase, prepareDocument } from './prepare';
import { sanitizeHtml, unwrapContainers } from './sanitize';
import { cleanTitle, titleFromDocument } from './title';

export { withImageAssets } from './image-assets';

export interface ExtractInput {
  html: string;
  /** The page's address (after redirects), or null for pasted or saved HTML without one. */
  url: string | null;
  /** `article` (default): the main content only; `page`: the whole page, simplified. */
  mode?: 'article' | 'page';
}

export interface Extracted {
  title: string;
  authors: string[];
  siteName: string | null;
  /** ISO 8601 date or date-time, as precise as the page says. */
  published: string | null;
  lang: string | null;
  /** rel=canonical (when sane) or the URL, without tracking parameters; null without either. */
  canonicalUrl: string | null;
  excerpt: string;
  /** The body as plain text, paragraphs separated by blank lines, without the title. */
  text: string;
  markdown: string;
  /** Sanitised HTML; image `src` are absolute URLs. */
  html: string;
  /** Absolute image URLs in document order, each once. */
  images: string[];
  citation: Citation | null;
  suggestedTags: string[];
}

const EXCERPT_LENGTH = 300;

export function notArticle(): NotebookError {
  return new NotebookError('not_article', 'No article found on this page. Clip the whole page instead?');
}

/** Extracts the article (or the simplified page) from `input.html`. Throws `not_article`. */
export function extractArticle(input: ExtractInput): Extracted {
  const { html, url, mode = 'article' } = input;
  if (html.trim() === '') throw notArticle();
  if (url !== null && parseHttpUrl(url) === null) {
    throw new NotebookError('invalid_argument', `"${url.slice(0, 200)}" is not an http or https address.`);
  }
  const document = parseDocument(html);
  limitNesting(document.documentElement);
  const base = pageBase(document, url);
  const metadata = readMetadata(document, url, base);
  // A saved page without its address still says where it lives: resolve against its canonical URL.
  const main = prepareDocument(document, base ?? metadata.canonicalUrl);
  let content: DomElement = document.body;
  let facts: Partial<ReadabilityFacts> = {};
  if (mode === 'article') {
    const article = readArticle(document, main, metadata.title ?? '');
    if (article === null) throw notArticle();
    ({ content, facts } = article);
  }
  const siteName = metadata.siteName ?? emptyToNull(facts.siteName);
  const found =
    metadata.title ??
    (facts.title ? cleanTitle(facts.title, siteName) : null) ??
    (mode === 'page' && metadata.documentTitle !== ''
      ? metadata.documentTitle
      : titleFromDocument(
          metadata.documentTitle,
          all(document, 'h1').map((h1) => textOf(h1)),
        ));
  // Pasted HTML often has no title but its own first heading.
  const title = found !== '' ? found : textOf(content.querySelector('h1, h2, h3'));
  tidyContent(content, title, mode);
  if (mode === 'article' && !looksLikeArticle(content)) throw notArticle();
  unwrapContainers(content);
  const clean = sanitizeHtml(content.innerHTML).trim();
  const fragment = parseFragment(clean);
  const text = toPlainText(fragment);
  if (text === '' && fragment.querySelector('img') === null) throw notArticle();
  return {
    title,
    authors: metadata.authors.length > 0 ? metadata.authors : normalizeAuthors([facts.byline ?? '']),
    siteName,
    published: calendarDate(metadata.published ?? normalizeDate(facts.publishedTime)),
    lang: metadata.lang ?? (facts.lang ? normalizeLangTag(facts.lang) : null),
    canonicalUrl: metadata.canonicalUrl,
    excerpt: excerptOf(metadata.description ?? firstParagraph(text)),
    text,
    markdown: toMarkdown(clean),
    html: clean,
    images: imagesOf(fragment),
    citation: metadata.citation,
    suggestedTags: metadata.suggestedTags,
  };
}

function imagesOf(root: DomElement): string[] {
  const sources = all(root, 'img[src]').map((image) => image.getAttribute('src') ?? '');
  return [...new Set(sources.filter((src) => src !== ''))];
}

// Readability's excerpt keeps footnote numbers glued to words; the first real paragraph reads better.
function firstParagraph(text: string): string {
  const paragraphs = text.split('\n\n');
  return paragraphs.find((paragraph) => paragraph.length >= 80) ?? paragraphs[0] ?? '';
}

function excerptOf(raw: string): string {
  const text = squash(raw.split(/\n\n/)[0]);
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > EXCERPT_LENGTH * 0.6 ? cut.slice(0, space) : cut}…`;
}

function emptyToNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value.trim();
}
