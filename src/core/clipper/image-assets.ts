/**
 * Points a clip's images at their copies in the library: each absolute image URL becomes its
 * `assets/<sha256>.<ext>` path; an image with no stored copy is removed, so the reader never
 * reaches for the network. The Markdown is made again from the rewritten HTML.
 */
import { all, parseFragment, tagOf } from './dom';
import type { Extracted } from './extract';
import { toMarkdown } from './markdown';

/** A library asset path: `assets/` and a plain file name, nothing that can climb or carry a scheme. */
const ASSET_PATH = /^assets\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function withImageAssets(
  extracted: Extracted,
  assets: ReadonlyMap<string, string | null>,
): { html: string; markdown: string } {
  const root = parseFragment(extracted.html);
  for (const image of all(root, 'img')) {
    const asset = assets.get(image.getAttribute('src') ?? '');
    if (typeof asset === 'string' && ASSET_PATH.test(asset) && !asset.includes('..')) {
      image.setAttribute('src', asset);
      continue;
    }
    const parent = image.parentElement;
    image.remove();
    // A figure (or a link) that only held this image goes too; its caption alone says nothing.
    const holder = parent !== null && tagOf(parent) === 'a' ? (parent.parentElement ?? parent) : parent;
    if (holder !== null && holder !== root && holder.querySelector('img') === null) {
      if (tagOf(holder) === 'figure' || (holder.textContent ?? '').trim() === '') holder.remove();
    }
  }
  const html = root.innerHTML;
  return { html, markdown: toMarkdown(html) };
}
