/**
 * Gives every `<img>` the real, absolute address of its picture: lazy-loading attributes
 * (`data-src`, `data-srcset`, …), `srcset` and `<picture><source>` resolved to one URL, `<noscript>`
 * copies used, and placeholders (1×1 pixels, `data:` URLs, trackers) and unresolvable images removed.
 */
import { all, isElement, parseFragment, tagOf, type DomElement } from './dom';
import { usableUrl } from './image-url';
import { bestFromSrcset } from './srcset';

const LAZY_SRC_ATTRIBUTES = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-file',
  'data-large-file',
  'data-echo',
  'data-actualsrc',
  'data-ll-src',
  'data-image',
];
const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset', 'data-original-set', 'srcset'];
const IMAGE_PATH = /\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#]|$)/i;
const TRACKERS =
  /(?:doubleclick\.net|google-analytics\.com|googletagmanager\.com|facebook\.com\/tr|scorecardresearch\.com|quantserve\.com|pixel\.wp\.com|stats\.wp\.com|feeds\.feedburner\.com\/~r\/|analytics\.|\/pixel(?:\.gif|\?|$)|\/beacon|\/track(?:ing)?(?:\.gif|\?))/i;

/** Resolves the images under `root` in place; `base` is the page's base URL (null: none). */
export function resolveImages(root: DomElement, base: string | null): void {
  for (const noscript of all(root, 'noscript')) useNoscriptImage(noscript);
  for (const picture of all(root, 'picture')) flattenPicture(picture, base);
  for (const image of all(root, 'img')) {
    const src = chooseSource(image, base);
    if (src === null || isTracker(image, src)) {
      removeImage(image);
      continue;
    }
    for (const name of image.getAttributeNames()) {
      if (name !== 'alt' && name !== 'title' && name !== 'width' && name !== 'height')
        image.removeAttribute(name);
    }
    image.setAttribute('src', src);
  }
}

function chooseSource(image: DomElement, base: string | null): string | null {
  for (const name of LAZY_SRCSET_ATTRIBUTES) {
    const best = bestFromSrcset(image.getAttribute(name) ?? '', base);
    if (best !== null) return best;
  }
  const lazy = LAZY_SRC_ATTRIBUTES.map((name) => image.getAttribute(name) ?? '').find(
    (value) => value.trim() !== '',
  );
  const anyData = image
    .getAttributeNames()
    .filter((name) => name.startsWith('data-'))
    .map((name) => image.getAttribute(name) ?? '')
    .find((value) => IMAGE_PATH.test(value) && !/\s/.test(value.trim()));
  for (const raw of [lazy, anyData, image.getAttribute('src')]) {
    const url = raw === undefined || raw === null ? null : usableUrl(raw, base);
    if (url !== null) return url;
  }
  return null;
}

function isTracker(image: DomElement, src: string): boolean {
  const size = (name: string): number => Number.parseInt(image.getAttribute(name) ?? '', 10);
  return size('width') <= 2 || size('height') <= 2 || TRACKERS.test(src);
}

// <picture><source srcset…><img></picture> → the img, with the best source's URL when the img has none.
function flattenPicture(picture: DomElement, base: string | null): void {
  const image = picture.querySelector('img');
  if (image === null) {
    picture.remove();
    return;
  }
  const fromSources = all(picture, 'source')
    .map((source) =>
      bestFromSrcset(source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '', base),
    )
    .find((url) => url !== null);
  if (fromSources !== undefined && chooseSource(image, base) === null) image.setAttribute('src', fromSources);
  picture.replaceWith(image);
}

// <img data-src…><noscript><img src=real></noscript>: keep one image, the real one.
function useNoscriptImage(noscript: DomElement): void {
  const inner =
    noscript.querySelector('img') ?? parseFragment(noscript.textContent ?? '').querySelector('img');
  if (inner === null) {
    noscript.remove();
    return;
  }
  let previous = noscript.previousSibling;
  while (previous !== null && !isElement(previous) && (previous.textContent ?? '').trim() === '') {
    previous = previous.previousSibling;
  }
  const placeholder = isElement(previous)
    ? tagOf(previous) === 'img'
      ? previous
      : previous.querySelector('img')
    : null;
  if (placeholder !== null && placeholder.parentNode !== null) placeholder.replaceWith(inner);
  else noscript.before(inner);
  noscript.remove();
}

function removeImage(image: DomElement): void {
  const parent = image.parentElement;
  image.remove();
  // A link or figure that only held the image goes with it.
  if (
    parent !== null &&
    (tagOf(parent) === 'a' || tagOf(parent) === 'figure') &&
    parent.textContent?.trim() === ''
  ) {
    if (parent.querySelector('img') === null) parent.remove();
  }
}
