import type { ClipSummary } from '@shared/types';

/** The name of the site a clip came from: its own name for itself, or its host. */
export function siteOf(clip: Pick<ClipSummary, 'siteName' | 'url'>): string {
  if (clip.siteName?.trim()) return clip.siteName.trim();
  try {
    return new URL(clip.url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
