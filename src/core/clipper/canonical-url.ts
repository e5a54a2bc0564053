/**
 * The identity of a page address, for finding duplicates: the URL without what only tracks the
 * reader (utm_*, click ids, mail campaign ids), its fragment or its default port.
 */
import { NotebookError } from '../../shared/errors';

/** Query parameters that say who sent the reader, never which page it is. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'igshid',
  'igsh',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  '__hssc',
  '__hstc',
  '__hsfp',
  'hsctatracking',
  'mkt_tok',
  'ref_src',
  'ref_url',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'vero_conv',
  'wickedid',
  'rb_clickid',
  's_kwcid',
  'ef_id',
  'srsltid',
  'spm',
  'scm',
]);

const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'stm_'];

/** True for a query parameter name that only tracks the reader. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * Lowercases scheme and host, drops the default port, the fragment and tracking parameters, and
 * keeps every other parameter as written and in order. Throws `invalid_argument` for anything
 * that is not an http(s) URL.
 */
export function canonicalizeUrl(url: string): string {
  const parsed = parseHttpUrl(url);
  if (parsed === null) {
    throw new NotebookError('invalid_argument', `"${url.slice(0, 200)}" is not an http or https address.`);
  }
  parsed.hash = '';
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)));
  parsed.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return parsed.href;
}

/** The URL if it is an absolute http(s) URL, else null. */
export function parseHttpUrl(url: string, base?: string): URL | null {
  try {
    const parsed = new URL(url.trim(), base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
