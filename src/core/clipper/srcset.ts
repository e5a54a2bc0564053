/** Picks one picture from a `srcset`: the widest up to a sensible size, or the densest up to 2x. */
import { usableUrl } from './image-url';

/** Wide enough for a reader pane on a high-density screen, without fetching poster-size files. */
const PREFERRED_MAX_WIDTH = 2000;

interface Candidate {
  url: string;
  width: number | null;
  density: number;
}

/** The best absolute URL in `srcset`, or null when it names none. */
export function bestFromSrcset(srcset: string, base: string | null): string | null {
  const candidates = parse(srcset, base);
  if (candidates.length === 0) return null;
  const widths = candidates.filter((c) => c.width !== null);
  if (widths.length > 0) {
    const fitting = widths.filter((c) => (c.width ?? 0) <= PREFERRED_MAX_WIDTH);
    const pool = fitting.length > 0 ? fitting : widths;
    const pick = fitting.length > 0 ? Math.max : Math.min;
    const target = pick(...pool.map((c) => c.width ?? 0));
    return pool.find((c) => c.width === target)?.url ?? null;
  }
  const fitting = candidates.filter((c) => c.density <= 2);
  const pool = fitting.length > 0 ? fitting : candidates;
  return pool.reduce((best, c) => (c.density > best.density ? c : best)).url;
}

// "a.jpg 480w, b.jpg 800w" — URLs may contain commas, so split on ", " after a descriptor or URL.
function parse(srcset: string, base: string | null): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of srcset.matchAll(/\s*([^\s,][^\s]*?)(?:,(?=\s)|,?$|\s+([^,]*)(?:,|$))/g)) {
    const rawUrl = match[1] ?? '';
    const descriptor = (match[2] ?? '').trim();
    const url = usableUrl(rawUrl.replace(/,$/, ''), base);
    if (url === null) continue;
    const width = /^(\d+)w$/i.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/i.exec(descriptor);
    candidates.push({
      url,
      width: width === null ? null : Number(width[1]),
      density: density === null ? 1 : Number(density[1]),
    });
  }
  return candidates;
}
