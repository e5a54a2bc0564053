/**
 * One clip from start to end: read the tab, read its images in the page, send everything to
 * the clipper service. Runs in the background, so closing the popup does not stop it.
 */
import { readImages, readTab } from './capture.js';
import { ClipperError, clipperClient, loadSettings, saveSettings } from './clipper.js';

export const MODES = ['article', 'selection', 'page'];

/**
 * Clips tab `tabId` as `mode` with `tags` and `comment`; `onProgress(sentence)` hears each step.
 * Resolves to the service's ClipResult ({ clip, duplicate, refreshed }).
 */
export async function clipTab({ tabId, mode, tags = [], comment = '' }, onProgress = () => {}) {
  if (!MODES.includes(mode)) throw new ClipperError('invalid_argument', `Unknown clip mode: ${mode}.`);
  const { port, token } = await loadSettings();
  if (!token) throw new ClipperError('unpaired', 'Pair the extension with Commonplace first.');

  onProgress('Reading the page…');
  const page = await readTab(tabId, mode);
  if (page.html === '')
    throw new ClipperError(
      'invalid_argument',
      'Nothing is selected on this page: select a passage, or choose Article or Whole page.',
    );
  const images = await readImages(tabId, page.images, page.html.length, (done, count) =>
    onProgress(`Reading images ${done}/${count}…`),
  );

  onProgress('Sending to Commonplace…');
  const clip = { url: page.url, html: page.html, mode, tags, images };
  // A selection has no <title> of its own: it is named after its page.
  if (mode === 'selection' && page.title) clip.title = page.title.slice(0, 1_000);
  if (comment.trim() !== '') clip.comment = comment.trim();
  try {
    return await clipperClient(port, token).clip(clip);
  } catch (error) {
    if (error instanceof ClipperError && error.code === 'unpaired') await saveSettings({ token: null });
    throw error;
  }
}

/** Tags as a person types them: separated by commas, a leading # allowed, no blanks or repeats. */
export function parseTags(text) {
  const tags = String(text)
    .split(',')
    .map((tag) => tag.trim().replace(/^#+/, '').trim())
    .filter((tag) => tag !== '');
  return [...new Set(tags)];
}
