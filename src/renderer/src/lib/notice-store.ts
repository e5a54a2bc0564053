import { useSyncExternalStore } from 'react';
import { errorMessage } from './errors';

/** One short message at the bottom of the window, optionally with one action (like Undo). */
export interface Notice {
  id: number;
  tone: 'info' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

let current: Notice | null = null;
let nextId = 1;
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((listener) => listener());

/** Shows a notice in place of the current one; returns its id. */
export function showNotice(notice: Omit<Notice, 'id'>): number {
  current = { ...notice, id: nextId++ };
  notify();
  return current.id;
}

/** Shows what went wrong as a short sentence. */
export function reportError(error: unknown): void {
  showNotice({ tone: 'error', message: errorMessage(error) });
}

/** Hides the notice (only that one, if an id is given and a newer one replaced it). */
export function dismissNotice(id?: number): void {
  if (!current || (id !== undefined && current.id !== id)) return;
  current = null;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(subscribe, () => current);
}
