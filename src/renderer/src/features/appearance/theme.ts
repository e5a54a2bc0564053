/**
 * Light, dark, or as the system says: remembered on this computer (localStorage) and applied as
 * `data-theme` on the root element, where theme.css turns it into the page's colour scheme.
 */
import { useSyncExternalStore } from 'react';

export type Theme = 'system' | 'light' | 'dark';

const KEY = 'commonplace.theme';
const listeners = new Set<() => void>();

function stored(): Theme {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

let current: Theme = stored();

/** Puts the remembered theme on the page: call once, before the first render. */
export function applyStoredTheme(root: HTMLElement = document.documentElement): void {
  current = stored();
  show(root, current);
}

export function setTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  current = theme;
  try {
    if (theme === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, theme);
  } catch {
    // Applied for now, not remembered.
  }
  show(root, theme);
  listeners.forEach((listener) => listener());
}

export function useTheme(): Theme {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

function show(root: HTMLElement, theme: Theme): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
