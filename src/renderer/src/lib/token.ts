/**
 * The browser mode's bearer token. `commonplace serve` prints a URL with `#token=…`; on first
 * load we keep it (so a reload, or a window the bookmarklet opens later, still works) and take it
 * out of the address bar (so it does not linger in history or get copied along with the URL). It
 * is kept in this origin's storage only — the same secret the library's `token` file holds.
 */
const STORAGE_KEY = 'commonplace.token';

function remember(token: string): void {
  for (const storage of stores()) {
    try {
      storage.setItem(STORAGE_KEY, token);
    } catch {
      // Storage can be disabled; the token then lasts until the page is reloaded.
    }
  }
}

function recall(): string | null {
  for (const storage of stores()) {
    try {
      const token = storage.getItem(STORAGE_KEY);
      if (token) return token;
    } catch {
      // disabled: try the next
    }
  }
  return null;
}

// This tab's first, then the origin's (a new window, e.g. the bookmarklet's, starts without the tab's).
function stores(): Storage[] {
  try {
    return [sessionStorage, localStorage];
  } catch {
    return [];
  }
}

/** Reads the token from the URL fragment (and forgets the fragment) or from this tab's storage. */
export function takeToken(): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token');
  if (fromUrl) {
    remember(fromUrl);
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(
      history.state,
      '',
      `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
    );
    return fromUrl;
  }
  return recall();
}
