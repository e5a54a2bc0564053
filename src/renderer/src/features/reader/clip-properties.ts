/** A clip's properties as the side panel lists them: what is known, in the order a citation reads. */
import type { Clip } from '@shared/types';
import { formatLongDate, formatPublished } from '../../lib/format-date';

export interface Property {
  label: string;
  value: string;
  /** A web address the value opens (outside the app). */
  href?: string;
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

export function clipProperties(clip: Clip): Property[] {
  const citation = clip.citation ?? {};
  const pages = [citation.firstPage, citation.lastPage].filter(Boolean).join('–');
  const rows: (Property | null)[] = [
    clip.authors.length > 0
      ? { label: clip.authors.length === 1 ? 'Author' : 'Authors', value: clip.authors.join(', ') }
      : null,
    citation.journal ? { label: 'Journal', value: citation.journal } : null,
    clip.siteName ? { label: 'Site', value: clip.siteName } : null,
    citation.publisher ? { label: 'Publisher', value: citation.publisher } : null,
    clip.published ? { label: 'Published', value: formatPublished(clip.published) } : null,
    citation.volume ? { label: 'Volume', value: citation.volume } : null,
    citation.issue ? { label: 'Issue', value: citation.issue } : null,
    pages ? { label: 'Pages', value: pages } : null,
    citation.doi ? { label: 'DOI', value: citation.doi, href: `https://doi.org/${citation.doi}` } : null,
    citation.issn ? { label: 'ISSN', value: citation.issn } : null,
    citation.isbn ? { label: 'ISBN', value: citation.isbn } : null,
    clip.lang ? { label: 'Language', value: clip.lang } : null,
    { label: 'Address', value: clip.url, href: clip.url },
    clip.canonicalUrl && clip.canonicalUrl !== clip.url
      ? { label: 'Canonical address', value: clip.canonicalUrl, href: clip.canonicalUrl }
      : null,
    { label: 'Clipped', value: formatLongDate(clip.clipped) },
    { label: 'Words', value: wordCount(clip.text).toLocaleString() },
  ];
  return rows.filter((row): row is Property => row !== null);
}
