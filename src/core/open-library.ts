/**
 * Reading `library.json` on open: a new folder becomes a library, an old schema is migrated,
 * a newer one is refused untouched, a damaged one is recovered.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Recovery } from '../shared/types';
import { isCode } from './durable-file';
import { DamagedFileError, DurableJsonFile } from './json-file';
import {
  DEFAULT_SHARDS,
  SCHEMA_VERSION,
  newLibraryFile,
  newerSchemaError,
  schemaVersionOf,
  validateLibraryFile,
} from './library-file';
import type { LibraryFile } from './library-file';
import { migrateV1 } from './migrate';
import { BAK_SUFFIX, LIBRARY_FILE, STORE_DIR, shardIndexOf } from './paths';
import { exists, openStoreFile } from './recovery';

export interface OpenedLibrary {
  /** The lowdb adapter of library.json, for later writes (emptyTrash records purgedRev there). */
  file: DurableJsonFile<LibraryFile>;
  data: LibraryFile;
  recovery: Recovery | null;
}

export interface OpenLibraryOptions {
  now: () => Date;
}

export function libraryJsonFile(dir: string): DurableJsonFile<LibraryFile> {
  return new DurableJsonFile(path.join(dir, LIBRARY_FILE), {
    validate: validateLibraryFile,
    keepBackup: true,
    indent: 2,
  });
}

export async function openLibraryFile(dir: string, options: OpenLibraryOptions): Promise<OpenedLibrary> {
  const file = libraryJsonFile(dir);
  const raw = await readRaw(file.file);
  const version = schemaVersionOf(raw);
  if (version !== null && version > SCHEMA_VERSION) throw newerSchemaError(dir, version);
  if (version === 1) {
    const data = await migrateV1(dir, raw, { now: options.now(), shards: DEFAULT_SHARDS });
    return { file, data, recovery: null };
  }
  const hasStore = await exists(path.join(dir, STORE_DIR));
  if (raw === undefined && !hasStore && !(await exists(file.file + BAK_SUFFIX))) {
    const data = newLibraryFile(options.now().toISOString());
    await file.write(data);
    return { file, data, recovery: null };
  }
  const opened = await openStoreFile(file, {
    libraryDir: dir,
    required: true,
    fallback: async () => newLibraryFile(options.now().toISOString(), await inferShardCount(dir)),
    now: options.now,
  });
  return { file, data: opened.data as LibraryFile, recovery: opened.recovery };
}

/** The parsed JSON; undefined if the file is missing; null if it does not parse (recovery decides). */
async function readRaw(file: string): Promise<unknown> {
  const reader = new DurableJsonFile<object>(file, { validate: asObject, keepBackup: false });
  try {
    return (await reader.read()) ?? undefined;
  } catch (error) {
    if (error instanceof DamagedFileError) return null;
    throw error;
  }
}

function asObject(raw: unknown): object {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('not a JSON object');
  return raw;
}

/**
 * Without library.json the shard count is lost. Any count that reads every shard file present is
 * safe (opening moves misplaced items home), so take the default or the next power of two that
 * covers the highest-numbered file.
 */
async function inferShardCount(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(path.join(dir, STORE_DIR));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return DEFAULT_SHARDS;
    throw error;
  }
  const highest = Math.max(-1, ...names.map((name) => shardIndexOf(name.replace(/\.bak$/, '')) ?? -1));
  let count = DEFAULT_SHARDS;
  while (count <= highest) count *= 2;
  return count;
}
