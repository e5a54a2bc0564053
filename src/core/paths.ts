/** Where everything lives inside a library folder (schema version 2). See ARCHITECTURE.md. */
import os from 'node:os';
import path from 'node:path';

export const LIBRARY_FILE = 'library.json';
/** The schema version 1 file, kept after migrating. */
export const V1_FILE = 'library.v1.json';
export const STORE_DIR = 'store';
export const BODIES_DIR = 'bodies';
/** Clip images and other files, content-addressed: `assets/<sha256>.<ext>`. */
export const ASSETS_DIR = 'assets';
export const DAMAGED_DIR = 'damaged';
/** The search index (derived from the store; rebuilt when missing or damaged). */
export const INDEX_DIR = 'index';
export const LOCK_FILE = 'lock';
export const TMP_SUFFIX = '.tmp';
export const BAK_SUFFIX = '.bak';

const SHARD_FILE = /^items-([0-9a-f]+)\.json$/;

/** `items-0a.json`: the index in hex, at least two digits. The name does not depend on the shard count, so changing it finds the same files. */
export function shardFileName(index: number): string {
  return `items-${index.toString(16).padStart(2, '0')}.json`;
}

/** The shard index a store file name stands for, or null if it is not a shard file. */
export function shardIndexOf(fileName: string): number | null {
  const match = SHARD_FILE.exec(fileName);
  return match?.[1] === undefined ? null : parseInt(match[1], 16);
}

export function shardPath(dir: string, index: number): string {
  return path.join(dir, STORE_DIR, shardFileName(index));
}

/** A body file's name relative to `bodies/`, as the item metadata stores it (always with `/`): `.md` for a note, `.json` for a clip. */
export function bodyFileName(bucket: string, id: string, rev: number, ext = 'md'): string {
  return `${bucket}/${id}.${rev}.${ext}`;
}

export function bodyPath(dir: string, bodyFile: string): string {
  return path.join(dir, BODIES_DIR, ...bodyFile.split('/'));
}

/** An asset's path on disk from its name as a clip stores it (`assets/<sha256>.<ext>`). */
export function assetPath(dir: string, asset: string): string {
  return path.join(dir, ...asset.split('/'));
}

/**
 * The desktop app's library: Electron's user-data folder for "Commonplace" plus `/library`.
 * COMMONPLACE_LIBRARY is the CLI's business, not read here.
 */
export function defaultLibraryDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, 'Commonplace', 'library');
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', 'Commonplace', 'library');
  }
  const config = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(config, 'Commonplace', 'library');
}
