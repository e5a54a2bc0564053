/**
 * The real desktop app, driven through Playwright's Electron support. Runs only where the
 * Electron binary is installed; the npm package alone downloads it on first require, so the
 * binary is located here by hand and never required.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { LibraryPage } from './pages/library';
import { NoteEditor } from './pages/note-editor';

const root = resolve(__dirname, '../..');
const mainBundle = join(root, 'out/main/index.js');

/** Where `require('electron')` would point, or null when that would mean a download. */
function electronBinary(): string | null {
  const packageDir = join(root, 'node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) return join(override, relative ?? 'electron');
  if (relative === null) return null;
  const binary = join(packageDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.skip(
  binary === null,
  'Electron binary is not installed (npm package only, no dist/): node_modules/electron/path.txt or its dist/ binary is missing, and ELECTRON_OVERRIDE_DIST_PATH is not set.',
);

let library: string;

test.beforeEach(() => {
  if (!existsSync(mainBundle)) throw new Error('out/main/index.js is missing: run npm run build first.');
  library = mkdtempSync(join(tmpdir(), 'commonplace-electron-'));
});

test.afterEach(() => {
  rmSync(library, { recursive: true, force: true });
});

function launch(): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary ?? undefined,
    args: [mainBundle],
    env: { ...process.env, COMMONPLACE_LIBRARY: library },
  });
}

const note = { title: 'Timbuktu manuscripts', body: 'Copied and kept in family libraries.' };

test('a note written in the window is there after the app restarts', async () => {
  const first = await launch();
  try {
    const page = await first.firstWindow();
    // The built page comes over the app:// scheme, never as a file.
    expect(page.url()).toMatch(/^app:\/\/commonplace\//);
    const library = new LibraryPage(page);
    await library.newNote();
    await new NoteEditor(page).write(note);
    await expect(library.row(note.title)).toBeVisible();
  } finally {
    await first.close();
  }

  const second = await launch();
  try {
    const page = await second.firstWindow();
    const library = new LibraryPage(page);
    const editor = new NoteEditor(page);
    await library.row(note.title).click();
    await expect(editor.title).toHaveValue(note.title);
    await editor.expectBody(note.body);
  } finally {
    await second.close();
  }
});

// A 1×1 PNG, stored the way the clipper stores images: assets/<sha256>.<ext>.
const pixel = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('the page comes over app:// and shows library images by their relative URL', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://commonplace/index.html');
    const name = `${createHash('sha256').update(pixel).digest('hex')}.png`;
    mkdirSync(join(library, 'assets'), { recursive: true });
    writeFileSync(join(library, 'assets', name), pixel);
    const width = await page.evaluate(
      (src) =>
        new Promise<number>((resolve) => {
          const image = new Image();
          image.onload = () => resolve(image.naturalWidth);
          image.onerror = () => resolve(-1);
          image.src = src;
        }),
      `assets/${name}`,
    );
    expect(width).toBe(1);
    const statuses = await page.evaluate(async () =>
      Promise.all(
        ['assets/%2e%2e/library.json', 'assets/..%2flibrary.json'].map(
          async (path) => (await fetch(path)).status,
        ),
      ),
    );
    expect(statuses).toEqual([404, 404]);
  } finally {
    await app.close();
  }
});
