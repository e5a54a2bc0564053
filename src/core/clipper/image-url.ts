/** Whether an image address can be stored offline: absolute http(s), not a lazy-loading placeholder. */
import { parseHttpUrl } from './canonical-url';

const PLACEHOLDER =
  /(?:^|[/_-])(?:pixel|spacer|blank|transparent|placeholder|1x1|clear|empty|lazy|loading|grey|gray)\.(?:gif|png|svg|jpe?g)(?:[?#]|$)/i;

/** The absolute http(s) URL of `raw` against `base`, or null for data: URLs, placeholders and junk. */
export function usableUrl(raw: string, base: string | null): string | null {
  const value = raw.trim();
  if (value === '' || /^data:/i.test(value) || PLACEHOLDER.test(value)) return null;
  return parseHttpUrl(value, base ?? undefined)?.href ?? null;
}
