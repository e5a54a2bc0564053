/**
 * Which address identifies a clipped page: its `rel=canonical` (or `og:url`) when that is sane —
 * absolute http(s), on the same site as the page, and not just the site's home page for an
 * article further down — else the page's own URL; both without tracking parameters.
 */
import { canonicalizeUrl, parseHttpUrl } from './canonical-url';
import { all, type DomDocument } from './dom';
import type { MetaTags } from './meta-tags';

// Hosts where each subdomain is a different person's site.
const SHARED_HOSTS = new Set([
  'blogspot.com',
  'wordpress.com',
  'github.io',
  'gitlab.io',
  'substack.com',
  'tumblr.com',
  'medium.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'neocities.org',
  'over-blog.com',
  'hypotheses.org',
]);

// Second-level labels under country domains that are registries, not sites (example.co.uk).
const REGISTRY_LABELS = new Set([
  'co',
  'com',
  'net',
  'org',
  'ac',
  'gov',
  'edu',
  'ne',
  'or',
  'go',
  'gob',
  'gouv',
]);

/** The canonical URL for a page read from `pageUrl` (null when the page came without an address). */
export function chooseCanonicalUrl(
  document: DomDocument,
  meta: MetaTags,
  pageUrl: string | null,
  base: string | null,
): string | null {
  const page = pageUrl === null ? null : parseHttpUrl(pageUrl);
  const declared = [
    ...all(document, 'link[rel][href]')
      .filter((link) => /(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''))
      .map((link) => link.getAttribute('href') ?? ''),
    meta.first('og:url') ?? '',
  ];
  for (const href of declared) {
    const candidate = href.trim() === '' ? null : parseHttpUrl(href, base ?? undefined);
    if (candidate !== null && (page === null || isSaneFor(candidate, page)))
      return canonicalizeUrl(candidate.href);
  }
  return page === null ? null : canonicalizeUrl(page.href);
}

function isSaneFor(candidate: URL, page: URL): boolean {
  if (siteOf(candidate.hostname) !== siteOf(page.hostname)) return false;
  const isHome = (url: URL): boolean =>
    url.pathname.replace(/\/(?:index\.\w+)?$/, '') === '' && url.search === '';
  return !isHome(candidate) || isHome(page);
}

/** The registrable part of a host name, roughly: `www.lemonde.fr` → `lemonde.fr`. */
export function siteOf(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^[\d.]+$/.test(hostname) || hostname.includes(':')) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  const secondLevel = labels[labels.length - 2] ?? '';
  const tld = labels[labels.length - 1] ?? '';
  const keep = SHARED_HOSTS.has(lastTwo) || (tld.length === 2 && REGISTRY_LABELS.has(secondLevel)) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
