/**
 * The page a link-only clip is made from, when the address is not fetched (or cannot be): the
 * article the service saved (Omnivore, Wallabag) or just the title and address, plus every
 * highlighted passage the saved text lacks, so that each highlight has its passage in the clip.
 * Images in the saved article become links to them rather than downloads: a link-only clip is
 * made without touching the network.
 */
import { anchorQuote } from '../../../shared/text-anchor';
import { all, parseDocument, textOf } from '../../clipper/dom';
import type { ReadLaterEntry } from './read-later-entry';

export function savedPageHtml(entry: ReadLaterEntry): string {
  const title = entry.title === '' ? (entry.url ?? 'Untitled') : entry.title;
  const article = entry.html === undefined ? null : savedArticle(entry.html);
  const text = article?.text ?? '';
  const missing = entry.highlights.filter((h) => anchorQuote(text, h.quote) === null);
  const address =
    entry.url === null ? '' : `<p>Saved from <a href="${escape(entry.url)}">${escape(entry.url)}</a></p>\n`;
  const passages = missing.length === 0 ? '' : `<h2>Highlights</h2>\n${missing.map(passage).join('\n')}\n`;
  const authors = entry.authors.map((author) => `<meta name="author" content="${escape(author)}">`).join('');
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escape(title)}</title>${authors}</head>
<body><article><h1>${escape(title)}</h1>
${article?.html ?? address}${passages}</article></body></html>`;
}

function savedArticle(html: string): { html: string; text: string } {
  const document = parseDocument(html);
  for (const image of all(document, 'img')) {
    const src = (image.getAttribute('src') ?? '').trim();
    const alt = (image.getAttribute('alt') ?? '').trim();
    if (/^https?:\/\//i.test(src)) {
      const link = document.createElement('a');
      link.setAttribute('href', src);
      link.textContent = alt === '' ? 'Image' : `Image: ${alt}`;
      image.replaceWith(link);
    } else {
      image.remove();
    }
  }
  for (const element of all(document, 'picture source, video, audio, iframe, script, noscript'))
    element.remove();
  return { html: document.body.innerHTML, text: textOf(document.body) };
}

function passage(highlight: { quote: string }): string {
  const paragraphs = highlight.quote
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return `<blockquote>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</blockquote>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
