/**
 * The shape of `window.notebook` on the desktop. Errors do not survive Electron's
 * structured clone with their code, so every call resolves to an envelope and the renderer's
 * client (src/renderer/src/lib/api.ts) turns `ok: false` back into a NotebookError.
 */
import type { ArgsIn, MethodName, ApiResults } from './api';
import type { ErrorInfo } from './errors';
import type { NotebookEvent } from './types';

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export type NotebookBridge = {
  [M in MethodName]: (args: ArgsIn<M>) => Promise<BridgeResult<ApiResults[M]>>;
} & {
  /** Subscribe to core events; returns the unsubscribe function. */
  onEvent(listener: (event: NotebookEvent) => void): () => void;
};

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'notebook';
