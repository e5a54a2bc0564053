/**
 * Article titles without the site's name that pages glue to them ("Site: Title", "Title | Site"),
 * and the site's name recovered from that glue when nothing else names the site.
 */
import { squash } from './dom';

const SEPARATORS = [' | ', ' – ', ' — ', ' - ', ': ', ' :: ', ' · ', ' » ', ' / '];

/** `title` without a leading or trailing `siteName` and its separator. */
export function cleanTitle(title: string, siteName: string | null): string {
  const text = squash(title);
  if (siteName === null || siteName === '') return text;
  const site = siteName.toLowerCase();
  for (const separator of SEPARATORS) {
    const lower = text.toLowerCase();
    if (lower.startsWith(site + separator.trimEnd()) && text.length > site.length + separator.length) {
      return text.slice(site.length + separator.trimEnd().length).trim();
    }
    if (lower.endsWith(separator.trimStart() + site) && text.length > site.length + separator.length) {
      return text.slice(0, text.length - site.length - separator.trimStart().length).trim();
    }
  }
  return text;
}

/** "Sahel Press Review: Mali Announces…" with title "Mali Announces…" → "Sahel Press Review". */
export function siteNameFromTitle(documentTitle: string, articleTitle: string): string | undefined {
  const whole = squash(documentTitle);
  const title = squash(articleTitle);
  if (title === '' || whole === title) return undefined;
  for (const separator of SEPARATORS) {
    if (whole.endsWith(separator.trimEnd() + ' ' + title) || whole.endsWith(separator + title)) {
      const site = whole.slice(0, whole.length - title.length).trim();
      return trimSeparator(site, separator);
    }
    if (whole.startsWith(title + separator))
      return trimSeparator(whole.slice(title.length).trim(), separator);
  }
  return undefined;
}

/** "Djenné - Wikipedia" with an <h1> "Djenné" → title "Djenné", site "Wikipedia". */
export function splitSiteName(
  metaTitle: string,
  heading: string,
): { title: string; siteName: string } | null {
  const text = squash(metaTitle);
  const h1 = squash(heading);
  if (h1 === '' || text === h1) return null;
  for (const separator of SEPARATORS) {
    if (text.startsWith(h1 + separator)) {
      const siteName = text.slice(h1.length + separator.length).trim();
      if (siteName !== '' && siteName.length <= 80) return { title: h1, siteName };
    }
  }
  return null;
}

function trimSeparator(text: string, separator: string): string | undefined {
  const mark = separator.trim();
  let site = text;
  if (site.endsWith(mark)) site = site.slice(0, -mark.length);
  if (site.startsWith(mark)) site = site.slice(mark.length);
  site = site.trim();
  return site === '' || site.length > 80 ? undefined : site;
}

/**
 * The best title from the `<title>` text when no metadata gives one: the part that matches an
 * `<h1>`, else the longest part when the title is "A | B".
 */
export function titleFromDocument(documentTitle: string, headings: readonly string[]): string {
  const whole = squash(documentTitle);
  const match = headings.map(squash).find((heading) => heading !== '' && whole.includes(heading));
  if (match !== undefined) return match;
  for (const separator of [' | ', ' – ', ' — ', ' - ', ' :: ', ' » ']) {
    if (!whole.includes(separator)) continue;
    const parts = whole.split(separator).map((part) => part.trim());
    const longest = parts.reduce((best, part) => (part.length > best.length ? part : best), '');
    if (longest.split(' ').length >= 3) return longest;
  }
  return whole;
}
