/** `library.json`, the entry point: what layout the folder has and how to read it. */
import { NotebookError } from '../shared/errors';

export const LIBRARY_FORMAT = 'commonplace-library';
/** The schema version this code writes; older ones are migrated (migrate.ts), newer refused. */
export const SCHEMA_VERSION = 2;
/**
 * Chosen by measurement (`npm run bench`, 50,000 items): a shard then holds ~200 items (~85 KB)
 * and saves durably in ~3 ms at the median; 64 shards measured ~1.5x slower saves and longer
 * event-loop stalls on open, for an open time within 10%.
 */
export const DEFAULT_SHARDS = 256;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  schemaVersion: typeof SCHEMA_VERSION;
  createdAt: string;
  shards: number;
  /**
   * The revision of the last emptyTrash. Purged items leave no record in the shards, so the
   * store revision on open is the highest of this and every item's rev: it never goes back.
   */
  purgedRev: number;
  settings: Record<string, unknown>;
}

export function newLibraryFile(createdAt: string, shards = DEFAULT_SHARDS): LibraryFile {
  return {
    format: LIBRARY_FORMAT,
    schemaVersion: SCHEMA_VERSION,
    createdAt,
    shards,
    purgedRev: 0,
    settings: {},
  };
}

/** The schema version a parsed library.json claims, or null if it claims none. */
export function schemaVersionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
}

export function newerSchemaError(dir: string, version: number): NotebookError {
  return new NotebookError(
    'corrupt',
    `The library at ${dir} was made by a newer Commonplace (schema version ${version}; this version reads up to ` +
      `${SCHEMA_VERSION}). Update Commonplace to open it; nothing was changed.`,
  );
}

/** Validates a version 2 library.json; throws a plain Error saying what is wrong. */
export function validateLibraryFile(raw: unknown): LibraryFile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  const file = raw as Partial<LibraryFile>;
  if (file.format !== LIBRARY_FORMAT) throw new Error(`format is not "${LIBRARY_FORMAT}"`);
  if (file.schemaVersion !== SCHEMA_VERSION) throw new Error(`schemaVersion is not ${SCHEMA_VERSION}`);
  if (typeof file.createdAt !== 'string') throw new Error('createdAt is missing');
  if (!Number.isInteger(file.shards) || (file.shards ?? 0) < 1)
    throw new Error('shards is not a positive integer');
  const settings = file.settings;
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings))
    throw new Error('settings is not an object');
  const purgedRev = file.purgedRev ?? 0;
  if (!Number.isInteger(purgedRev) || purgedRev < 0) throw new Error('purgedRev is not a revision');
  return { ...(file as LibraryFile), purgedRev };
}
