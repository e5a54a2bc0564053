/**
 * The browser mode's bearer token. `commonplace serve` prints a URL with `#token=…`; on first
 * load we keep it for this tab (so a reload still works) and take it out of the address bar
 * (so it does not linger in history or get copied along with the URL).
 */
const STORAGE_KEY = 'commonplace.token';

function remember(token: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage can be disabled; the token then lasts until the page is reloaded.
  }
}

function recall(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
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
