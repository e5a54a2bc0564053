/**
 * The browser extension (resources/extension) in a real Chromium: paired with `commonplace serve`
 * through its clipper service, approved through the app's API, clipping a page whose article is
 * written by its own script and whose image is only served with a cookie the page set — so the
 * clip can only be whole if the extension sent the live DOM and the image as the browser has it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import type { Clip, ClipperInfo, ItemPage } from '../../src/shared/types';
import { test as base, expect, notebookApi, withServedLibrary, type ServedLibrary } from './fixtures';
import { makePng } from './fixture-site';
import { ExtensionPopup } from './pages/extension-popup';

const root = resolve(__dirname, '../..');
const extensionDir = join(root, 'resources/extension');
const WORKER_WAIT_MS = 15_000;

/** The fixture page: its article exists only once its script ran, and so does its cookie. */
const story = {
  title: 'Salt caravans of the Taoudenni road',
  first: 'The caravan leaves Timbuktu in the cool hour before dawn',
  second: 'Each slab of salt is cut from the dry lake bed by hand',
  byScript: 'This passage was written into the page by its own script.',
};
const photo = makePng(320, 180, [196, 160, 96], [90, 60, 40]);
const COOKIE = 'reader=welcome';

const storyPage = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${story.title}</title></head>
<body>
  <main><article id="story"><p>Loading…</p></article></main>
  <script>
    document.cookie = '${COOKIE}; path=/';
    const line = (text) => '<p>' + text + ' ' + 'Camels, drivers and guides share the work of the road. '.repeat(5) + '</p>';
    document.getElementById('story').innerHTML =
      '<h1>${story.title}</h1>' +
      line('${story.first}.') +
      line('${story.second}.') +
      '<figure><img src="/images/caravan.png" width="320" height="180" alt="A caravan at rest">' +
      '<figcaption>A caravan at rest near the wells.</figcaption></figure>' +
      line('${story.byScript}') +
      line('The return journey takes three weeks when the wind is kind.');
  </script>
</body>
</html>`;

interface CookieSite {
  url: (path: string) => string;
  /** How many times the image was refused for want of the cookie. */
  refused: () => number;
  close: () => Promise<void>;
}

async function startCookieSite(): Promise<CookieSite> {
  let refused = 0;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site.invalid').pathname;
    if (path === '/story.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(storyPage);
    } else if (path === '/images/caravan.png' && (req.headers.cookie ?? '').includes(COOKIE)) {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': photo.length });
      res.end(photo);
    } else if (path === '/images/caravan.png') {
      refused++;
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Members only.');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not found.');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    refused: () => refused,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** `commonplace serve` with its clipper service on a free port. */
interface ServedWithClipper extends ServedLibrary {
  clipperPort: number;
}

/** The extension loaded in a fresh Chromium profile. */
interface LoadedExtension {
  context: BrowserContext;
  id: string;
  worker: Worker;
}

interface TabsApi {
  chrome: { tabs: { query: (query: object) => Promise<{ id?: number; url?: string }[]> } };
}

const test = base.extend<{ clipper: ServedWithClipper; site: CookieSite; extension: LoadedExtension }>({
  // eslint-disable-next-line no-empty-pattern
  clipper: ({}, use) =>
    withServedLibrary(['--clipper-port', '0'], async (served, printed) => {
      if (typeof printed.clipperPort !== 'number')
        throw new Error('commonplace serve --clipper-port 0 --json printed no clipperPort.');
      await use({ ...served, clipperPort: printed.clipperPort });
    }),
  // eslint-disable-next-line no-empty-pattern
  site: async ({}, use) => {
    const site = await startCookieSite();
    await use(site);
    await site.close();
  },
  // eslint-disable-next-line no-empty-pattern
  extension: async ({}, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'commonplace-extension-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      // Playwright's own headless switch; Chromium's headless mode runs extensions since 112.
      headless: true,
      args: [
        ...chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
      ],
    });
    try {
      const existing: Worker | undefined = context.serviceWorkers()[0];
      const worker =
        existing ??
        (await context.waitForEvent('serviceworker', { timeout: WORKER_WAIT_MS }).catch(() => null));
      if (worker === null) {
        testInfo.skip(
          true,
          `This Chromium (${chromiumPath}) started no service worker for the unpacked extension within ` +
            `${WORKER_WAIT_MS / 1000} s: it does not run extensions in headless mode.`,
        );
        return;
      }
      await use({ context, id: new URL(worker.url()).host, worker });
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
});

/** Opens `url` in a tab and returns the tab's id as the extension knows it. */
async function openTab(extension: LoadedExtension, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await extension.context.newPage();
  await page.goto(url);
  const image = page.getByRole('img', { name: 'A caravan at rest' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  const tabId = await extension.worker.evaluate(async (address) => {
    const { chrome } = globalThis as unknown as TabsApi;
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === address)?.id ?? null;
  }, url);
  expect(tabId, `no tab shows ${url}`).not.toBeNull();
  return { page, tabId: tabId as number };
}

/** Pairs the popup with the clipper, approving the code through the app's API as a person would. */
async function pair(
  popup: ExtensionPopup,
  clipper: ServedWithClipper,
  api: ReturnType<typeof notebookApi>,
): Promise<void> {
  const code = await popup.requestPairing(clipper.clipperPort);
  const info = (await api('getClipperInfo', {})) as ClipperInfo;
  expect(info.port).toBe(clipper.clipperPort);
  const request = info.requests.find((candidate) => candidate.code === code);
  expect(request, `no pairing request shows the code ${code}`).toBeDefined();
  expect(request?.origin).toMatch(/^chrome-extension:\/\//);
  await api('answerPairing', { requestId: request?.requestId, approve: true });
  await expect(popup.paired).toContainText('Paired with Commonplace');
}

test('a paired extension clips the live page with the image only its cookie unlocks', async ({
  clipper,
  site,
  extension,
  request,
}) => {
  const api = notebookApi(request, clipper);
  const { tabId } = await openTab(extension, site.url('/story.html'));
  const popup = new ExtensionPopup(await extension.context.newPage());
  await popup.goto(extension.id, tabId);
  await expect(popup.port).toHaveValue('27417');
  await pair(popup, clipper, api);

  await expect(popup.known).toBeHidden();
  await expect(popup.mode('Article')).toBeChecked();
  await popup.tags.fill('sahara, #trade/salt');
  await popup.comment.fill('Compare with the Azalai of Bilma.');
  await popup.clip.click();
  await expect(popup.status).toHaveText(
    `Clipped “${story.title}” with 1 image. Your comment is a note linked to it.`,
    { timeout: 30_000 },
  );

  const clips = (await api('listItems', { view: 'clips' })) as ItemPage;
  expect(clips.items.map((item) => item.title)).toEqual([story.title]);
  const clip = (await api('getItem', { id: clips.items[0]?.id })) as Clip;
  expect(clip.url).toBe(site.url('/story.html'));
  expect(clip.tags).toEqual(expect.arrayContaining(['sahara', 'trade/salt']));
  expect(clip.text).toContain(story.byScript);
  const asset = clip.images[0]?.asset ?? '';
  expect(asset).toMatch(/^assets\/[0-9a-f]+\.png$/);
  // The very bytes the page showed: the library could not have had them any other way.
  expect(readFileSync(join(clipper.library, asset)).equals(photo)).toBe(true);

  const notes = (await api('listItems', { view: 'notes' })) as ItemPage;
  expect(notes.total).toBe(1);

  // Opened again on the same page, the popup knows the clip.
  await popup.page.reload();
  await expect(popup.known).toContainText(story.title);
  await expect(popup.open).toHaveAttribute('href', 'http://127.0.0.1:4517/');
  expect(site.refused()).toBe(0);
});

test('a selection is clipped alone, and a removed extension is asked to pair again', async ({
  clipper,
  site,
  extension,
  request,
}) => {
  const api = notebookApi(request, clipper);
  const { page, tabId } = await openTab(extension, site.url('/story.html'));
  await page.evaluate((text) => {
    const paragraph = [...document.querySelectorAll('article p')].find((p) =>
      p.textContent?.startsWith(text),
    );
    if (!paragraph) throw new Error(`no paragraph starts with ${text}`);
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  }, story.second);

  const popup = new ExtensionPopup(await extension.context.newPage());
  await popup.goto(extension.id, tabId);
  await pair(popup, clipper, api);
  // A page with text selected opens on Selection.
  await expect(popup.mode('Selection')).toBeChecked();
  await popup.clip.click();
  await expect(popup.status).toHaveText(`Clipped “${story.title}”.`, { timeout: 30_000 });

  const clips = (await api('listItems', { view: 'clips' })) as ItemPage;
  const clip = (await api('getItem', { id: clips.items[0]?.id })) as Clip;
  expect(clip.title).toBe(story.title);
  expect(clip.text).toContain(story.second);
  expect(clip.text).not.toContain(story.first);

  const { extensions } = (await api('getClipperInfo', {})) as ClipperInfo;
  expect(extensions).toHaveLength(1);
  await api('revokeExtension', { id: extensions[0]?.id });
  await popup.page.reload();
  await expect(popup.pairingStatus).toHaveText(/no longer accepts this extension.*pair it again/);
  await expect(popup.pair).toBeEnabled();
});
