/**
 * A choice of how the app looks, remembered on this computer (localStorage) and shown as a
 * `data-*` attribute on the root element, where the style sheets pick it up. The default value
 * leaves no attribute and no stored value.
 */
import { useSyncExternalStore } from 'react';

export interface Preference<T extends string> {
  /** Puts the remembered value on the page: call once, before the first render. */
  applyStored(root?: HTMLElement): void;
  set(value: T, root?: HTMLElement): void;
  /** The current value, for code outside React. */
  get(): T;
  /** The current value, re-rendering when it changes. */
  use(): T;
}

export function preference<T extends string>(
  key: string,
  /** The `data-*` attribute, as a dataset name (`theme` is `data-theme`). */
  attribute: string,
  values: readonly T[],
  fallback: T,
): Preference<T> {
  const listeners = new Set<() => void>();
  const stored = (): T => {
    try {
      const value = localStorage.getItem(key);
      return values.find((known) => known === value) ?? fallback;
    } catch {
      return fallback;
    }
  };
  const show = (root: HTMLElement, value: T): void => {
    if (value === fallback) delete root.dataset[attribute];
    else root.dataset[attribute] = value;
  };
  let current = stored();
  return {
    applyStored(root = document.documentElement) {
      current = stored();
      show(root, current);
    },
    set(value, root = document.documentElement) {
      current = value;
      try {
        if (value === fallback) localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch {
        // Applied for now, not remembered.
      }
      show(root, value);
      listeners.forEach((listener) => listener());
    },
    get() {
      return current;
    },
    use() {
      return useSyncExternalStore(
        (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        () => current,
      );
    },
  };
}
