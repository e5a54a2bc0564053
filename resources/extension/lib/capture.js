/**
 * Reading a tab as the browser shows it: the live DOM (after the page's scripts ran) or the
 * selection, and the page's images fetched inside the page, so its cookies and login come along
 * and nothing needs downloading again.
 *
 * `readPage` and `readImage` run inside the page: chrome.scripting serializes them, so they may
 * use nothing from this module.
 */

/** What one clip may carry: images past these are left for Commonplace to download itself. */
export const IMAGE_LIMITS = Object.freeze({
  count: 50,
  eachBytes: 10 * 1024 * 1024,
  totalBytes: 40 * 1024 * 1024,
});

/** The clipper service takes bodies up to 64 MiB; the page and the base64 images share this. */
const BODY_BUDGET = 60 * 1024 * 1024;

/** Images tried at most (some fail or are too large), so a page of thumbnails stays quick. */
const MAX_ATTEMPTS = 100;

/** `{ url, title, html, images: [src] }` of the tab; `html` is '' in selection mode with nothing selected. */
export async function readTab(tabId, mode) {
  const [injection] = await inject(tabId, readPage, [mode]);
  const page = injection?.result;
  if (!page || typeof page.html !== 'string')
    throw captureError('Could not read this page. Reload it and try again.');
  return page;
}

/**
 * The page's images as `{ src, type, data }` (base64), within IMAGE_LIMITS and what is left of
 * the request after `htmlLength` characters of page; images that cannot be read (another site
 * that does not allow it, an error, too large) are skipped.
 */
export async function readImages(tabId, sources, htmlLength, onProgress = () => {}) {
  const images = [];
  let total = 0;
  // Base64 grows data by a third.
  const allowed = Math.min(IMAGE_LIMITS.totalBytes, Math.floor(((BODY_BUDGET - htmlLength) * 3) / 4));
  const tried = sources.slice(0, MAX_ATTEMPTS);
  for (const [index, src] of tried.entries()) {
    if (images.length >= IMAGE_LIMITS.count) break;
    const budget = Math.min(IMAGE_LIMITS.eachBytes, allowed - total);
    if (budget <= 0) break;
    onProgress(index + 1, tried.length);
    const [injection] = await inject(tabId, readImage, [src, budget]).catch(() => []);
    const image = injection?.result;
    if (!image || typeof image.data !== 'string') continue;
    total += image.bytes;
    images.push({ src, type: image.type, data: image.data });
  }
  return images;
}

/** Whether the tab has text selected; false when it cannot be told (the popup then keeps Article). */
export async function hasSelection(tabId) {
  try {
    const [injection] = await chrome.scripting.executeScript({
      target: { tabId },
      func: () => (window.getSelection()?.toString().trim() ?? '') !== '',
    });
    return injection?.result === true;
  } catch {
    return false;
  }
}

async function inject(tabId, func, args) {
  try {
    return await chrome.scripting.executeScript({ target: { tabId }, func, args });
  } catch (error) {
    throw captureError(
      /cannot (?:access|be scripted)|permission|extensions gallery|chrome:|about:|moz-extension|missing host/i.test(
        String(error?.message),
      )
        ? 'The browser does not let extensions read this page (its own pages, extension stores, some viewers).'
        : `Could not read this page: ${error?.message ?? error}`,
    );
  }
}

function captureError(message) {
  const error = new Error(message);
  error.code = 'capture_failed';
  return error;
}

/** Runs in the page. Serializes the live DOM (or the selection) and lists the images worth sending. */
function readPage(mode) {
  const usable = (src) => /^https?:/i.test(src);
  const keyOf = (image) => `${image.getAttribute('src') ?? ''}\n${image.getAttribute('srcset') ?? ''}`;
  // Loaded images by the attributes they were written with, so the copies below can be matched.
  const live = new Map();
  for (const image of document.images) {
    const key = keyOf(image);
    if (!live.has(key)) live.set(key, image);
  }
  const sources = [];
  // Points a copied <img> at the exact address the browser loaded, so Commonplace matches the
  // bytes sent with the clip instead of choosing another size from srcset or a lazy attribute.
  const pin = (copy) => {
    const image = live.get(keyOf(copy));
    if (!image) return;
    const loaded = image.complete && image.naturalWidth > 2 && image.naturalHeight > 2;
    const address = loaded ? image.currentSrc || image.src : image.loading === 'lazy' ? image.src : '';
    if (!usable(address)) return;
    if (loaded) {
      copy.setAttribute('src', address);
      for (const name of copy.getAttributeNames())
        if (name === 'srcset' || name === 'sizes' || name.startsWith('data-')) copy.removeAttribute(name);
      const picture = copy.parentElement;
      if (picture && picture.localName === 'picture')
        for (const source of picture.querySelectorAll('source')) source.remove();
    }
    if (!sources.includes(address)) sources.push(address);
  };
  // An inert document: nothing copied into it runs or loads.
  const inert = document.implementation.createHTMLDocument('');

  if (mode === 'selection') {
    const selection = window.getSelection();
    const holder = inert.createElement('div');
    if (selection && !selection.isCollapsed)
      for (let i = 0; i < selection.rangeCount; i++)
        holder.appendChild(inert.importNode(selection.getRangeAt(i).cloneContents(), true));
    holder.querySelectorAll('img').forEach(pin);
    const text = (holder.textContent ?? '').trim();
    const html = text === '' && !holder.querySelector('img') ? '' : holder.innerHTML;
    return { url: location.href, title: document.title, html, images: sources };
  }

  const root = inert.importNode(document.documentElement, true);
  root.querySelectorAll('img').forEach(pin);
  const doctype = document.doctype ? `<!DOCTYPE ${document.doctype.name}>\n` : '';
  return { url: location.href, title: document.title, html: doctype + root.outerHTML, images: sources };
}

/** Runs in the page. One image as the page itself would load it, cookies included. */
async function readImage(src, maxBytes) {
  // Firefox runs content scripts' fetch as the extension; `content.fetch` asks as the page does.
  const page = globalThis.content;
  const pageFetch = page && typeof page.fetch === 'function' ? page.fetch.bind(page) : fetch;
  try {
    const response = await pageFetch(src, { credentials: 'include', cache: 'force-cache' });
    if (!response.ok) return { error: `HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { error: 'too large' };
    }
    const blob = await response.blob();
    if (blob.size === 0 || blob.size > maxBytes) return { error: 'empty or too large' };
    const url = await new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    const type = (blob.type || response.headers.get('content-type') || '').split(';')[0].trim();
    return { type, data: url.slice(url.indexOf(',') + 1), bytes: blob.size };
  } catch (error) {
    return { error: String(error?.message ?? error) };
  }
}
