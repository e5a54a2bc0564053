/** DOIs as pages write them (`doi:10.…`, `https://doi.org/10.…`, bare `10.…`), as the bare DOI. */

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/;

/** The first DOI in `text`, without its prefix or trailing punctuation, or undefined. */
export function extractDoi(text: string): string | undefined {
  let source = text.trim();
  if (/^https?:\/\//i.test(source)) {
    try {
      source = decodeURIComponent(source);
    } catch {
      // Keep the raw text: a stray % does not hide the DOI.
    }
  }
  const match = DOI.exec(source);
  if (match?.[1] === undefined) return undefined;
  return match[1].replace(/[.,;:]+$/, '').replace(/\)$/, (close) => (match[1]?.includes('(') ? close : ''));
}
