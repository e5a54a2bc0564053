/**
 * The paired extensions as library.json keeps them: under `settings.clipperExtensions`, each with
 * the sha256 of its token (never the token), written through the same durable writer as the rest
 * of that file.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PairedExtension } from '../../shared/types';
import { isObject, isStringOrNull } from '../json-shape';
import type { OpenedLibrary } from '../open-library';

/** The settings key the paired extensions live under. */
export const CLIPPER_EXTENSIONS_KEY = 'clipperExtensions';

const CHROME_ORIGIN = /^chrome-extension:\/\/[a-p]{32}$/;
const FIREFOX_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

export interface StoredExtension extends PairedExtension {
  /** sha256 of the token, hex. */
  tokenHash: string;
}

/** `chrome-extension://<32 letters a–p>` or `moz-extension://<uuid>`, as browsers send them. */
export function isExtensionOrigin(origin: string): boolean {
  return CHROME_ORIGIN.test(origin) || FIREFOX_ORIGIN.test(origin);
}

/** 32 random bytes, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two sha256 hex digests without leaking, through timing, how much of them matched. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The entries in library.json; malformed ones (a hand-edited file) are skipped. */
export function readStoredExtensions(library: OpenedLibrary): StoredExtension[] {
  const raw = library.data.settings[CLIPPER_EXTENSIONS_KEY];
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const extensions: StoredExtension[] = [];
  for (const entry of raw) {
    if (!isStoredExtension(entry) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    const { id, name, origin, paired, lastUsed, tokenHash } = entry;
    extensions.push({ id, name, origin, paired, lastUsed, tokenHash });
  }
  return extensions;
}

// The store replaces `library.data` too (emptyTrash records purgedRev): always start from the latest.
export async function writeStoredExtensions(
  library: OpenedLibrary,
  extensions: readonly StoredExtension[],
): Promise<void> {
  const data = library.data;
  library.data = {
    ...data,
    settings: { ...data.settings, [CLIPPER_EXTENSIONS_KEY]: extensions.map((e) => ({ ...e })) },
  };
  await library.file.write(library.data);
}

export function publicView({ id, name, origin, paired, lastUsed }: StoredExtension): PairedExtension {
  return { id, name, origin, paired, lastUsed };
}

function isStoredExtension(value: unknown): value is StoredExtension {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    value.id !== '' &&
    typeof value.name === 'string' &&
    typeof value.origin === 'string' &&
    isExtensionOrigin(value.origin) &&
    typeof value.paired === 'string' &&
    isStringOrNull(value.lastUsed) &&
    typeof value.tokenHash === 'string' &&
    SHA256_HEX.test(value.tokenHash)
  );
}
