/**
 * A recording stand-in for the `electron` module, for checking the shell's wiring where the
 * Electron binary is absent. It imitates only what src/main and src/preload call, the way
 * Electron behaves for those calls (a window announces its webContents through
 * `web-contents-created`, `app.quit()` emits a preventable `before-quit`, a second handler on
 * one channel throws, so does a protocol handler before the app is ready); everything else
 * about Electron is out of its scope.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface FakeFrame {
  frameTreeNodeId: number;
  url: string;
  parent: FakeFrame | null;
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;
type WindowOpenHandler = (details: { url: string }) => { action: string };
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean;
/** Electron 45's `protocol.handle` handler: a Fetch Request in, a Fetch Response out (Node's globals here). */
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export interface PrivilegedSchemes {
  schemes: { scheme: string; privileges?: Record<string, boolean> }[];
  /** Whether the app was already ready when they were registered (Electron refuses that). */
  whileReady: boolean;
}

let nextFrameId = 1;

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { frameTreeNodeId: nextFrameId++, url: '', parent: null };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return false;
  }
}

export class FakeWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: { file?: string; url?: string }[] = [];
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;

  constructor(
    readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> },
    private readonly electron: ElectronStandIn,
  ) {
    super();
    electron.windows.push(this);
    electron.app.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }

  loadFile(file: string): Promise<void> {
    this.loaded.push({ file });
    this.webContents.mainFrame.url = pathToFileURL(file).href;
    return Promise.resolve();
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push({ url });
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Closing the last window ends in `window-all-closed`, as in Electron. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
    this.electron.windows.splice(this.electron.windows.indexOf(this), 1);
    if (this.electron.windows.length === 0)
      this.electron.app.emit('window-all-closed', { preventDefault() {} });
  }
}

class FakeApp extends EventEmitter {
  name = 'Electron';
  singleInstanceLockRequested = false;
  quitCalls = 0;
  /** True once a quit was not prevented by a `before-quit` listener. */
  quitted = false;
  exitCode: number | null = null;
  /** Becomes true on a later turn of the event loop, after the bundle's top level has run. */
  ready = false;

  constructor(
    private readonly hasSingleInstanceLock: boolean,
    readonly isPackaged: boolean,
  ) {
    super();
  }

  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getPath(name: string): string {
    return join(tmpdir(), 'electron-stand-in', this.name, name);
  }
  requestSingleInstanceLock(): boolean {
    this.singleInstanceLockRequested = true;
    return this.hasSingleInstanceLock;
  }
  whenReady(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        this.ready = true;
        resolve();
      }),
    );
  }
  isReady(): boolean {
    return this.ready;
  }
  quit(): void {
    this.quitCalls += 1;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
  }
}

export class ElectronStandIn {
  readonly windows: FakeWindow[] = [];
  readonly app: FakeApp;
  readonly handlers = new Map<string, Handler>();
  readonly removedHandlers: string[] = [];
  readonly openedExternally: string[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly exposed: { key: string; api: unknown }[] = [];
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  applicationMenu: unknown = undefined;
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  readonly privilegedSchemes: PrivilegedSchemes[] = [];
  readonly protocolHandlers = new Map<string, ProtocolHandler>();
  /** The renderer side's ipcRenderer; tests emit on it to play the main process. */
  readonly ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: (channel: string, ...args: unknown[]): Promise<unknown> => {
      this.invoked.push({ channel, args });
      return Promise.resolve({ ok: true, value: channel });
    },
  });

  constructor(options: { singleInstanceLock?: boolean; packaged?: boolean } = {}) {
    this.app = new FakeApp(options.singleInstanceLock ?? true, options.packaged ?? false);
  }

  /** The object `require('electron')` returns while a bundle is loaded with this stand-in. */
  module(): Record<string, unknown> {
    return {
      app: this.app,
      BrowserWindow: windowClass(this),
      session: {
        defaultSession: {
          webRequest: { onHeadersReceived: (listener: HeadersListener) => (this.headersListener = listener) },
          setPermissionRequestHandler: (handler: PermissionRequestHandler) =>
            (this.permissionRequestHandler = handler),
          setPermissionCheckHandler: (handler: PermissionCheckHandler) =>
            (this.permissionCheckHandler = handler),
        },
      },
      protocol: {
        // Electron throws here once ready; recording instead lets a test say what went wrong.
        registerSchemesAsPrivileged: (schemes: PrivilegedSchemes['schemes']) => {
          this.privilegedSchemes.push({ schemes, whileReady: this.app.ready });
        },
        handle: (scheme: string, handler: ProtocolHandler) => {
          if (!this.app.ready) throw new Error('The protocol module can only be used after app is ready');
          if (this.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
          this.protocolHandlers.set(scheme, handler);
        },
      },
      ipcMain: {
        handle: (channel: string, handler: Handler) => {
          if (this.handlers.has(channel))
            throw new Error(`Attempted to register a second handler for '${channel}'`);
          this.handlers.set(channel, handler);
        },
        removeHandler: (channel: string) => {
          this.handlers.delete(channel);
          this.removedHandlers.push(channel);
        },
      },
      shell: {
        openExternal: (url: string) => {
          this.openedExternally.push(url);
          return Promise.resolve();
        },
      },
      dialog: {
        showErrorBox: (title: string, content: string) => this.errorBoxes.push({ title, content }),
      },
      Menu: {
        buildFromTemplate: (template: unknown[]) => ({ template }),
        setApplicationMenu: (menu: unknown) => (this.applicationMenu = menu),
      },
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => this.exposed.push({ key, api }),
      },
      ipcRenderer: this.ipcRenderer,
    };
  }
}

/** `new BrowserWindow(options)` for one stand-in. */
function windowClass(electron: ElectronStandIn) {
  return class BrowserWindow extends FakeWindow {
    constructor(options: Record<string, unknown>) {
      super(options, electron);
    }
  };
}

/**
 * Loads a fresh copy of a built CommonJS bundle with `require('electron')` answered by the
 * stand-in. The bundles require electron once, at the top, so the hook lives only for the load.
 */
export function loadWithElectron(file: string, electron: ElectronStandIn): unknown {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const electronModule = electron.module();
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? electronModule : original.call(this, request, ...rest);
  };
  try {
    const require = Module.createRequire(file);
    delete require.cache[file];
    return require(file);
  } finally {
    loader._load = original;
  }
}

/** Polls until `condition` holds, for the shell's asynchronous start and quit. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
