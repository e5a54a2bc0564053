/**
 * Where keyboard focus is, in the app's own terms. Panes mark themselves with `data-area`;
 * commands use this to decide whether a key is theirs or the text field's.
 */
export type Area = 'sidebar' | 'list' | 'editor' | 'none';

/** DOM ids of the elements commands move focus to. */
export const focusTargets = {
  list: 'item-list',
  search: 'search-box',
  title: 'note-title',
  body: 'note-body',
} as const;

export function activeArea(): Area {
  const active = document.activeElement;
  const area =
    active instanceof HTMLElement ? active.closest<HTMLElement>('[data-area]')?.dataset.area : undefined;
  return area === 'sidebar' || area === 'list' || area === 'editor' ? area : 'none';
}

/** True while focus is somewhere that takes text, so plain keys must type, not command. */
export function isTyping(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement)) return false;
  if (active.isContentEditable) return true;
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  if (active instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(active.type);
  }
  return false;
}

/** True while a modal dialog is open: its own keys (Esc) win. */
export function isDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Focuses an element by id now (it must already be on the page). */
export function focusNow(id: string): void {
  document.getElementById(id)?.focus();
}

/**
 * Focuses an element by id once React has rendered it — unless the focus was put somewhere else
 * meanwhile (a shortcut pressed at once: the later request wins).
 */
export function focusSoon(id: string): void {
  const before = document.activeElement;
  requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== before && now !== null && now !== document.body) return;
    document.getElementById(id)?.focus();
  });
}
