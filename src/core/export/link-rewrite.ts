/**
 * A note's `[[links]]` as the export writes them. A link to an item in the export points at its
 * file: `[[<file stem>#heading|shown text]]`, with `|shown text` only when the stem differs from
 * the target as written (or an alias was written); `#heading` and `#^block` are kept. A link to
 * an item outside the export (or to nothing) becomes its shown text, plain — or, for a clip, a
 * Markdown link to the page it was clipped from. An embed `![[…]]` of an exported item stays an
 * embed; of anything else, it loses its `!` too. Links inside code are left alone (wikilink.ts).
 */
import type { WikiLink } from '../../shared/types';
import type { ItemRecord } from '../item-record';
import { findLinks } from '../links/wikilink';

export interface LinkTargets {
  /** The item a link target names, or null. */
  resolve(target: string): ItemRecord | null;
  /** The file stem of an item in the export, or undefined when it is not in it. */
  stemOf(id: string): string | undefined;
}

export function rewriteLinks(body: string, targets: LinkTargets): string {
  const found = findLinks(body);
  if (found.length === 0) return body;
  let out = '';
  let at = 0;
  for (const { link, start, end } of found) {
    const embed = start > 0 && body[start - 1] === '!';
    const item = targets.resolve(link.target);
    const stem = item ? targets.stemOf(item.id) : undefined;
    if (stem !== undefined) {
      out += body.slice(at, start) + `[[${exportedLink(link, stem)}]]`;
    } else {
      out += body.slice(at, embed ? start - 1 : start) + outsideLink(link, item);
    }
    at = end;
  }
  return out + body.slice(at);
}

function exportedLink(link: WikiLink, stem: string): string {
  const fragment = link.block !== null ? `#^${link.block}` : link.heading !== null ? `#${link.heading}` : '';
  const shown = link.alias ?? (stem === link.target ? null : link.target);
  return `${stem}${fragment}${shown === null ? '' : `|${shown}`}`;
}

function outsideLink(link: WikiLink, item: ItemRecord | null): string {
  const shown = link.alias ?? link.target;
  if (item?.type === 'clip' && /^https?:\/\//i.test(item.url)) {
    return `[${shown.replace(/[[\]\\]/g, '\\$&')}](${linkDestination(item.url)})`;
  }
  return shown;
}

/** A URL as a Markdown link destination: in `<…>` when it holds spaces or parentheses. */
function linkDestination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}
