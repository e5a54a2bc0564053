/**
 * Footnotes in one shape whatever the page's generator (kramdown, Pandoc, WordPress, MediaWiki):
 * each reference becomes `<sup><a href="#fn-N">N</a></sup>` and its note carries `id="fn-N"`,
 * without its back-links. The sanitiser keeps exactly these ids and links, and the Markdown
 * converter turns them into `[^N]` and `[^N]: …`.
 */
import { all, isElement, tagOf, textOf, type DomElement } from './dom';

export const FOOTNOTE_ID = /^fn-\d+$/;

const REF_HINT = /footnote|fnref|noteref|reference|cite/i;
const BACK_HINT = /back|reverse|fnref|return/i;

export function normalizeFootnotes(root: DomElement): void {
  const byId = new Map<string, DomElement>();
  for (const element of all(root, '[id]')) if (!byId.has(element.id)) byId.set(element.id, element);
  const numbers = new Map<DomElement, number>();
  const refIds = new Map<DomElement, string[]>();
  for (const link of all(root, 'a[href^="#"]')) {
    const note = noteFor(link, byId);
    if (note === null || note.contains(link)) continue;
    let number = numbers.get(note);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(note, number);
    }
    const ref = refElement(link);
    const ids = refIds.get(note) ?? [];
    ids.push(...[ref.id, link.id].filter((id) => id !== ''));
    refIds.set(note, ids);
    const sup = root.ownerDocument.createElement('sup');
    const anchor = root.ownerDocument.createElement('a');
    anchor.setAttribute('href', `#fn-${number}`);
    anchor.textContent = String(number);
    sup.appendChild(anchor);
    ref.replaceWith(sup);
  }
  for (const [note, number] of numbers) {
    note.id = `fn-${number}`;
    // MediaWiki's "^ a b" back-links come in their own span.
    for (const backlinks of all(note, '[class*="backlink"]')) backlinks.remove();
    for (const back of all(note, 'a[href^="#"]')) {
      const target = decodeId(back.getAttribute('href') ?? '');
      const isBack =
        refIds.get(note)?.includes(target) === true ||
        back.getAttribute('role') === 'doc-backlink' ||
        BACK_HINT.test(back.className) ||
        /^[↩↑^⤴]\uFE0E?$/.test(textOf(back));
      if (isBack) back.remove();
    }
  }
}

// The note a link points to, if the link looks like a footnote reference and its target like a note.
function noteFor(link: DomElement, byId: Map<string, DomElement>): DomElement | null {
  const target = byId.get(decodeId(link.getAttribute('href') ?? ''));
  if (target === undefined) return null;
  const looksLikeRef =
    link.closest('sup') !== null ||
    link.querySelector('sup') !== null ||
    link.getAttribute('role') === 'doc-noteref' ||
    REF_HINT.test(`${link.className} ${link.id}`) ||
    /^\[?\d{1,3}\]?$/.test(textOf(link));
  if (!looksLikeRef) return null;
  const item = tagOf(target) === 'li' ? target : target.closest('li');
  if (item !== null && item.parentElement !== null && /^(?:ol|ul)$/.test(tagOf(item.parentElement)))
    return item;
  const isNote = /^(?:p|div|aside|section)$/.test(tagOf(target)) && /fn|note|cite|ref/i.test(target.id);
  return isNote && isElement(target) ? target : null;
}

// The element to replace: the <sup> around the link, or the link itself.
function refElement(link: DomElement): DomElement {
  const sup = link.closest('sup');
  return sup !== null && textOf(sup) === textOf(link) ? sup : link;
}

function decodeId(href: string): string {
  const raw = href.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
