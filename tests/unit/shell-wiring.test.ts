/**
 * The Electron shell's wiring, checked on the BUILT bundles (out/main, out/preload) against a
 * recording stand-in for `electron`, with the real core on a temp library. It proves what the
 * shell registers and how it answers; tests/e2e/electron.spec.ts drives the real window where
 * the Electron binary exists.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
  type MockInstance,
} from 'vitest';
import { createNotebook } from '../../src/core';
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '../../src/shared/api';
import { BRIDGE_GLOBAL } from '../../src/shared/bridge';
import {
  ElectronStandIn,
  FakeWebContents,
  loadWithElectron,
  waitFor,
  type FakeWindow,
} from './helpers/electron-stand-in';

const root = resolve(import.meta.dirname, '../..');
const mainBundle = join(root, 'out/main/index.js');
const preloadBundle = join(root, 'out/preload/index.js');
const rendererPage = join(root, 'out/renderer/index.html');
const appPage = 'app://commonplace/index.html';
const pagePolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Handler = (event: unknown, args?: unknown) => Promise<unknown>;

function requireFreshBuild(): void {
  for (const bundle of [mainBundle, preloadBundle]) {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first.`);
  }
  // A stale bundle would test yesterday's wiring. Tests and folders are not in the bundle.
  const built = Math.min(statSync(mainBundle).mtimeMs, statSync(preloadBundle).mtimeMs);
  for (const folder of ['src/main', 'src/preload', 'src/shared', 'src/core']) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })) {
      const source = join(root, folder, file);
      if (/\.test\.tsx?$/.test(file)) continue;
      const stats = statSync(source);
      if (stats.isFile() && stats.mtimeMs > built)
        throw new Error(`${source} is newer than out/: run npm run build first.`);
    }
  }
}

function requiredModules(bundle: string): string[] {
  const text = readFileSync(bundle, 'utf8');
  return [
    ...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? '')),
  ].sort();
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'commonplace-shell-'));
  temps.push(dir);
  return dir;
}

/** Loads the main bundle on `library` and waits until it has a window or has given up. */
async function launch(
  library: string,
  electron = new ElectronStandIn(),
  env: Record<string, string> = {},
): Promise<ElectronStandIn> {
  const settings = { COMMONPLACE_LIBRARY: library, ELECTRON_RENDERER_URL: undefined, ...env };
  const previous = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(settings);
  try {
    loadWithElectron(mainBundle, electron);
    await waitFor(
      () => electron.windows.length > 0 || electron.app.exitCode !== null || electron.app.quitted,
      'the shell to open its window or give up',
    );
  } finally {
    apply(previous);
  }
  return electron;
}

function firstWindow(electron: ElectronStandIn): FakeWindow {
  const window = electron.windows.at(0);
  if (!window) throw new Error('The shell opened no window.');
  return window;
}

/** Asks the shell's `app://` handler, as the window would. */
async function fetchApp(electron: ElectronStandIn, url: string, init?: RequestInit): Promise<Response> {
  const handler = electron.protocolHandlers.get('app');
  if (!handler) throw new Error('The shell handles no app:// scheme.');
  return handler(new Request(url, init));
}

/** Closes the window, which quits the shell and releases its library. */
async function quit(electron: ElectronStandIn): Promise<void> {
  for (const window of [...electron.windows]) window.close();
  await waitFor(() => electron.app.quitted, 'the app to quit');
}

beforeAll(requireFreshBuild);

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('the built bundles', () => {
  it('main bundles lowdb instead of requiring it', () => {
    const modules = requiredModules(mainBundle);
    expect(modules).toContain('electron');
    expect(modules.filter((m) => m.startsWith('lowdb'))).toEqual([]);
  });

  it('the sandboxed preload requires nothing but electron', () => {
    expect(requiredModules(preloadBundle)).toEqual(['electron']);
  });
});

describe('the main process', () => {
  let electron: ElectronStandIn;
  let window: FakeWindow;
  let library: string;
  let createdId: string;

  const ours = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  const call = (channel: string, event: unknown, args?: unknown): Promise<unknown> => {
    const handler = electron.handlers.get(channel) as Handler | undefined;
    if (!handler) throw new Error(`no handler on ${channel}`);
    return handler(event, args);
  };

  beforeAll(async () => {
    library = tempDir();
    electron = await launch(library);
    expect(electron.errorBoxes).toEqual([]);
    expect(electron.windows).toHaveLength(1);
    window = firstWindow(electron);
  });

  it('names the app and holds the single-instance lock', () => {
    expect(electron.app.name).toBe('Commonplace');
    expect(electron.app.singleInstanceLockRequested).toBe(true);
  });

  it('opens a sandboxed, isolated window with the built preload', () => {
    const { webPreferences = {}, title, show } = window.options;
    expect(title).toBe('Commonplace');
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(resolve(String(webPreferences.preload))).toBe(preloadBundle);
    expect(existsSync(String(webPreferences.preload))).toBe(true);
    expect(show).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('registers app:// as a privileged scheme before the app is ready, and handles it once ready', () => {
    expect(electron.privilegedSchemes).toEqual([
      {
        schemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
        whileReady: false,
      },
    ]);
    expect([...electron.protocolHandlers.keys()]).toEqual(['app']);
  });

  it('loads the built renderer page over app://', () => {
    expect(window.loaded).toEqual([{ url: appPage }]);
    expect(window.webContents.mainFrame.url).toBe(appPage);
  });

  it('serves the built page and its files over app:// with the CSP and nosniff', async () => {
    for (const url of [appPage, 'app://commonplace/']) {
      const page = await fetchApp(electron, url);
      expect(page.status, url).toBe(200);
      expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
      // The built page, with the style nonce its policy allows (and nothing else inline).
      const text = await page.text();
      const nonce = /<meta name="csp-nonce" content="([^"]+)" \/>/.exec(text)?.[1] ?? '';
      expect(nonce).not.toBe('');
      expect(text.replace(`<meta name="csp-nonce" content="${nonce}" />`, '')).toBe(
        readFileSync(rendererPage, 'utf8'),
      );
      expect(page.headers.get('Content-Security-Policy')).toBe(
        pagePolicy.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`),
      );
    }
    const script = readdirSync(join(root, 'out/renderer/static')).find((name) => name.endsWith('.js'));
    expect(script).toBeDefined();
    const served = await fetchApp(electron, `app://commonplace/static/${script}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(served.headers.get('Content-Security-Policy')).toBe(pagePolicy);
  });

  it('serves a clip image from the library’s assets, sandboxed', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const name = `${createHash('sha256').update(png).digest('hex')}.png`;
    mkdirSync(join(library, 'assets'), { recursive: true });
    writeFileSync(join(library, 'assets', name), png);
    const image = await fetchApp(electron, `app://commonplace/assets/${name}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
    expect(image.headers.get('Content-Security-Policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    );
    expect(image.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);
    expect((await fetchApp(electron, `app://commonplace/assets/${'0'.repeat(64)}.png`)).status).toBe(404);
  });

  it('answers 500, and logs why, for an asset it cannot read', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const loop = join(library, 'assets', `${'9'.repeat(64)}.png`);
    try {
      mkdirSync(join(library, 'assets'), { recursive: true });
      symlinkSync(loop, loop);
      const answer = await fetchApp(electron, `app://commonplace/assets/${'9'.repeat(64)}.png`);
      expect(answer.status).toBe(500);
      expect(answer.headers.get('Content-Security-Policy')).toBe(pagePolicy);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      logged.mockRestore();
      rmSync(loop, { force: true });
    }
  });

  it('serves nothing else: no way out of its folders, no other host, GET only', async () => {
    const name = `${'a'.repeat(64)}.png`;
    for (const url of [
      'app://commonplace/assets/../library.json',
      'app://commonplace/assets/%2e%2e/library.json',
      'app://commonplace/assets/..%2flibrary.json',
      'app://commonplace/assets/%2e%2e%2f%2e%2e%2flibrary.json',
      'app://commonplace/library.json',
      'app://commonplace/assets/..%5clibrary.json',
      'app://commonplace/assets/library.json',
      `app://commonplace/assets/${'A'.repeat(64)}.png`,
      `app://commonplace/assets/${'a'.repeat(63)}.png`,
      `app://commonplace/assets/${'a'.repeat(64)}.toolong`,
      `app://commonplace/assets/sub/${name}`,
      'app://commonplace/main/index.js',
      'app://commonplace/../main/index.js',
      `app://elsewhere/assets/${name}`,
      'app://elsewhere/index.html',
    ]) {
      const answer = await fetchApp(electron, url);
      expect(answer.status, url).toBe(404);
      expect(answer.headers.get('Content-Security-Policy'), url).toBe(pagePolicy);
      expect(await answer.text(), url).not.toContain('commonplace-library');
    }
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const answer = await fetchApp(electron, appPage, { method, body: 'x' });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('Allow')).toBe('GET');
    }
  });

  it('sets the Content-Security-Policy on every other response and keeps the other headers', () => {
    let headers: Record<string, string[]> | undefined;
    electron.headersListener?.(
      { url: 'http://localhost:5173/', responseHeaders: { 'Content-Type': ['text/html'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers?.['Content-Type']).toEqual(['text/html']);
    const csp = headers?.['Content-Security-Policy']?.join(';') ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe');
  });

  it('leaves the headers of app:// responses as the handler set them', () => {
    let answer: unknown = 'not called';
    electron.headersListener?.(
      {
        url: `app://commonplace/assets/${'a'.repeat(64)}.svg`,
        responseHeaders: { 'Content-Security-Policy': ["default-src 'none'; sandbox"] },
      },
      (response) => (answer = response),
    );
    expect(answer).toEqual({});
  });

  it('refuses every permission', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      electron.permissionRequestHandler?.(window.webContents, permission, (granted) => answers.push(granted));
      answers.push(electron.permissionCheckHandler?.(window.webContents, permission, 'file://') ?? true);
    }
    expect(answers).toEqual(Array(8).fill(false));
  });

  it('registers exactly one handler per contract method', () => {
    expect([...electron.handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());
  });

  it('creates a real note for our window and lists it', async () => {
    const created = (await call(ipcChannel('createNote'), ours(), {
      title: 'Mali',
      body: 'Timbuktu manuscripts',
    })) as {
      ok: boolean;
      value: { id: string; title: string };
    };
    expect(created).toMatchObject({ ok: true, value: { title: 'Mali' } });
    createdId = created.value.id;
    const listed = await call(ipcChannel('listItems'), ours(), {});
    expect(listed).toMatchObject({
      ok: true,
      value: { total: 1, items: [{ id: createdId, title: 'Mali' }] },
    });
    const item = await call(ipcChannel('getItem'), ours(), { id: createdId });
    expect(item).toMatchObject({ ok: true, value: { body: 'Timbuktu manuscripts' } });
  });

  it('forwards core events to the window, payload only', () => {
    const events = window.webContents.sent.filter((m) => m.channel === IPC_EVENT_CHANNEL);
    expect(events.length).toBeGreaterThan(0);
    for (const { args } of events) expect(args).toHaveLength(1);
    expect(events.map(({ args }) => args[0])).toContainEqual(
      expect.objectContaining({ type: 'items-changed', ids: [createdId] }),
    );
  });

  it('refuses callers that are not our window’s page, and does nothing for them', async () => {
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const otherContents = new FakeWebContents();
    otherContents.mainFrame.url = window.webContents.mainFrame.url;
    const strangers: [string, unknown][] = [
      [
        'another page in our window',
        {
          sender: window.webContents,
          senderFrame: { ...window.webContents.mainFrame, url: 'https://evil.example/' },
        },
      ],
      ...(
        [
          ['a local page elsewhere', 'file:///elsewhere/out/renderer/index.html'],
          ['the built page opened as a file', pathToFileURL(rendererPage).href],
          ['another page of our scheme', 'app://commonplace/other.html'],
          ['a clip image of our scheme', `app://commonplace/assets/${'a'.repeat(64)}.svg`],
          ['our page on another host', 'app://elsewhere/index.html'],
        ] as const
      ).map(([who, url]): [string, unknown] => [
        who,
        { sender: window.webContents, senderFrame: { ...window.webContents.mainFrame, url } },
      ]),
      [
        'an iframe showing our page',
        {
          sender: window.webContents,
          senderFrame: {
            frameTreeNodeId: -1,
            url: window.webContents.mainFrame.url,
            parent: window.webContents.mainFrame,
          },
        },
      ],
      [
        'another webContents showing our page',
        { sender: otherContents, senderFrame: otherContents.mainFrame },
      ],
      ['a frame that is gone', { sender: window.webContents, senderFrame: null }],
    ];
    for (const [who, event] of strangers) {
      expect(await call(ipcChannel('createNote'), event, { title: who }), who).toMatchObject(forbidden);
      expect(await call(ipcChannel('listItems'), event, {}), who).toMatchObject(forbidden);
    }
    expect(await call(ipcChannel('listItems'), ours(), {})).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('answers bad arguments with invalid_argument, not a crash', async () => {
    const invalid = { ok: false, error: { code: 'invalid_argument' } };
    expect(await call(ipcChannel('createNote'), ours(), { title: 42 })).toMatchObject(invalid);
    expect(await call(ipcChannel('createNote'), ours(), { title: 'x', extra: true })).toMatchObject(invalid);
    expect(await call(ipcChannel('getItem'), ours(), 'not an object')).toMatchObject(invalid);
    expect(await call(ipcChannel('getItem'), ours(), { id: 'no-such-item' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps the window on our page', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const [url, allowed] of [
        ['https://evil.example/', false],
        ['file:///etc/passwd', false],
        ['file:///elsewhere/out/renderer/index.html', false],
        [pathToFileURL(rendererPage).href, false],
        ['app://commonplace/other', false],
        ['app://commonplace/', false],
        [`app://commonplace/assets/${'a'.repeat(64)}.svg`, false],
        ['app://elsewhere/index.html', false],
        [`${appPage}#/notes`, true],
        [`${appPage}?view=trash`, true],
      ] as const) {
        let prevented = false;
        window.webContents.emit(event, { url, preventDefault: () => (prevented = true) }, url);
        expect(prevented, `${event} ${url}`).toBe(!allowed);
      }
    }
    let webviewPrevented = false;
    window.webContents.emit(
      'will-attach-webview',
      { preventDefault: () => (webviewPrevented = true) },
      {},
      { src: 'https://evil.example/' },
    );
    expect(webviewPrevented).toBe(true);
  });

  it('denies new windows and sends only http(s) links to the system browser', () => {
    const open = window.webContents.windowOpenHandler;
    expect(open).not.toBeNull();
    for (const url of [
      'https://example.org/article',
      'http://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(open?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(electron.openedExternally).toEqual(['https://example.org/article', 'http://example.org/']);
  });

  it('replaces the default menu', () => {
    expect(electron.applicationMenu).toBeDefined();
  });

  it('focuses the window when Commonplace is launched again', () => {
    window.minimized = true;
    electron.app.emit('second-instance', {}, [], root);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('closes the library before quitting, keeping what was saved', async () => {
    await quit(electron);
    expect(electron.handlers.size).toBe(0);
    const reopened = await createNotebook({ dir: library, holder: 'the wiring test' });
    try {
      const page = await reopened.listItems({ view: 'all', offset: 0, limit: 10 });
      expect(page.items.map((i) => i.id)).toEqual([createdId]);
    } finally {
      await reopened.close();
    }
  });
});

describe('starting', () => {
  // The shell logs why it gave up; keep that out of the test output but check it happened.
  let logged: MockInstance<typeof console.error>;
  beforeEach(() => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('leaves at once when another Commonplace holds the single-instance lock', async () => {
    const electron = await launch(tempDir(), new ElectronStandIn({ singleInstanceLock: false }));
    expect(electron.app.quitted).toBe(true);
    expect(electron.windows).toHaveLength(0);
    expect(electron.handlers.size).toBe(0);
  });

  it('tells the person, and exits, when the library is in use', async () => {
    const library = tempDir();
    const holder = await createNotebook({ dir: library, holder: 'the commonplace CLI' });
    try {
      const electron = await launch(library);
      expect(electron.app.exitCode).toBe(1);
      expect(electron.windows).toHaveLength(0);
      expect(electron.handlers.size).toBe(0);
      expect(electron.errorBoxes).toHaveLength(1);
      expect(electron.errorBoxes[0]?.content).toContain('the commonplace CLI');
      expect(logged).toHaveBeenCalled();
    } finally {
      await holder.close();
    }
  });

  it('tells the person, and exits, when the library folder cannot be used', async () => {
    const notAFolder = join(tempDir(), 'a-file');
    writeFileSync(notAFolder, 'not a library');
    const electron = await launch(notAFolder);
    expect(electron.app.exitCode).toBe(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.errorBoxes).toHaveLength(1);
  });
});

describe('under electron-vite dev', () => {
  const devServer = 'http://localhost:5173/';
  const createNote = (electron: ElectronStandIn, url: string): Promise<unknown> => {
    const window = firstWindow(electron);
    const handler = electron.handlers.get(ipcChannel('createNote')) as Handler;
    return handler(
      { sender: window.webContents, senderFrame: { ...window.webContents.mainFrame, url } },
      { title: 'dev' },
    );
  };

  it('shows the dev server page and treats it as ours', async () => {
    const electron = await launch(tempDir(), new ElectronStandIn(), { ELECTRON_RENDERER_URL: devServer });
    try {
      const window = firstWindow(electron);
      expect(window.loaded).toEqual([{ url: devServer }]);
      expect(await createNote(electron, `${devServer}#/notes`)).toMatchObject({ ok: true });
      expect(await createNote(electron, 'http://localhost:5174/')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      for (const url of [pathToFileURL(rendererPage).href, appPage]) {
        expect(await createNote(electron, url), url).toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
      let prevented = false;
      window.webContents.emit('will-navigate', {
        url: 'https://evil.example/',
        preventDefault: () => (prevented = true),
      });
      expect(prevented).toBe(true);
    } finally {
      await quit(electron);
    }
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    const electron = await launch(tempDir(), new ElectronStandIn({ packaged: true }), {
      ELECTRON_RENDERER_URL: devServer,
    });
    try {
      expect(electron.windows[0]?.loaded).toEqual([{ url: appPage }]);
      expect(await createNote(electron, appPage)).toMatchObject({ ok: true });
      expect(await createNote(electron, devServer)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      let csp = '';
      electron.headersListener?.(
        { url: devServer },
        (response) => (csp = response.responseHeaders?.['Content-Security-Policy']?.join(';') ?? ''),
      );
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe');
    } finally {
      await quit(electron);
    }
  });
});

describe('the preload', () => {
  const electron = new ElectronStandIn();
  let bridge: Record<string, unknown>;

  beforeAll(() => {
    loadWithElectron(preloadBundle, electron);
    expect(electron.exposed.map((e) => e.key)).toEqual([BRIDGE_GLOBAL]);
    bridge = electron.exposed.at(0)?.api as Record<string, unknown>;
  });

  it('exposes exactly the contract methods and onEvent, all functions', () => {
    expect(BRIDGE_GLOBAL).toBe('notebook');
    expect(Object.keys(bridge).sort()).toEqual([...methodNames, 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each method on its own channel with the arguments as given', async () => {
    for (const name of methodNames) {
      const args = { probe: name };
      const answer = await (bridge[name] as (a: unknown) => Promise<unknown>)(args);
      expect(electron.invoked.at(-1)).toEqual({ channel: ipcChannel(name), args: [args] });
      expect(answer).toEqual({ ok: true, value: ipcChannel(name) });
    }
  });

  it('passes events as their payload only, until unsubscribed', () => {
    const received: unknown[][] = [];
    const unsubscribe = (bridge.onEvent as (l: (...a: unknown[]) => void) => () => void)((...args) =>
      received.push(args),
    );
    const payload = { type: 'items-changed', ids: ['a'], rev: 3 };
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, { sender: 'the electron event object' }, payload);
    expect(received).toEqual([[payload]]);
    unsubscribe();
    electron.ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, payload);
    expect(received).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
