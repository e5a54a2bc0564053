/**
 * Whether the Settings dialog is open. A module store (like the transfer dialogs') so the
 * sidebar entry and the Settings… command open the one dialog mounted at the workspace's root.
 */
import { useSyncExternalStore } from 'react';

let open = false;
const listeners = new Set<() => void>();
const notify = (): void => listeners.forEach((listener) => listener());

export function openSettings(): void {
  if (open) return;
  open = true;
  notify();
}

export function closeSettings(): void {
  if (!open) return;
  open = false;
  notify();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettingsOpen(): boolean {
  return useSyncExternalStore(subscribe, () => open);
}
