/**
 * The library check: reads what is on disk (not what is in memory) and reports everything a
 * reopen would trip over or leave behind.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CheckProblem, CheckReport } from '../shared/types';
import type { AssetStore } from './assets';
import { parseClipBody } from './clip-record';
import { isCode } from './durable-file';
import { linkTexts } from './links/wikilink';
import type { ItemRecord } from './item-record';
import { validateShard } from './item-record';
import { DamagedFileError, DurableJsonFile } from './json-file';
import { validateLibraryFile } from './library-file';
import type { LockInfo } from './lock';
import { isStale, readLock } from './lock';
import {
  ASSETS_DIR,
  BODIES_DIR,
  DAMAGED_DIR,
  LIBRARY_FILE,
  LOCK_FILE,
  STORE_DIR,
  TMP_SUFFIX,
  shardIndexOf,
  shardPath,
} from './paths';
import { relative } from './recovery';
import type { Store } from './store';

const OPEN_CONCURRENCY = 32;

export async function checkLibrary(
  store: Store,
  assets: AssetStore,
  ownLock: LockInfo,
): Promise<CheckReport> {
  const { dir } = store;
  const problems: CheckProblem[] = [];
  const report = (code: string, message: string, file?: string): void => {
    problems.push(file === undefined ? { code, message } : { code, message, path: relative(dir, file) });
  };

  const storeFiles = [path.join(dir, LIBRARY_FILE)];
  for (let i = 0; i < store.shards.count; i++) storeFiles.push(shardPath(dir, i));
  const records: ItemRecord[] = [];
  let files = 0;
  for (const [i, file] of storeFiles.entries()) {
    const parsed =
      i === 0 ? await parseStoreFile(file, validateLibraryFile) : await parseStoreFile(file, validateShard);
    if (parsed !== 'missing') files++;
    if (parsed === 'missing') {
      // A shard nothing was ever saved to has no file; library.json always has one.
      if (i === 0) report('missing_store_file', `${LIBRARY_FILE} is missing.`, file);
    } else if (parsed instanceof Error) {
      report('damaged_store_file', parsed.message, file);
    } else if ('items' in parsed) {
      records.push(...Object.values(parsed.items));
    }
  }

  await forEachLimited(records, async (record) => {
    const file = store.bodies.path(record.bodyFile);
    const what = `The ${record.type === 'note' ? 'text' : 'article'} of "${record.title || 'Untitled'}" (${record.id})`;
    try {
      if (record.type === 'note') {
        // Notes saved before links were recorded have no list: the link index reads them instead.
        if (record.links === undefined) return await (await fs.open(file, 'r')).close();
        if (!sameList(record.links, linkTexts(await fs.readFile(file, 'utf8')))) {
          report(
            'links_stale',
            `The list of [[links]] kept for "${record.title || 'Untitled'}" (${record.id}) does not match its text: ` +
              'backlinks and renames may miss them until the note is saved again.',
            file,
          );
        }
        return;
      }
      parseClipBody(await fs.readFile(file, 'utf8'));
    } catch (error) {
      if (isCode(error, 'ENOENT')) return report('missing_body', `${what} is missing.`, file);
      if (typeof (error as NodeJS.ErrnoException).code === 'string')
        return report('missing_body', `${what} cannot be read (${(error as Error).message}).`, file);
      return report('damaged_body', `${what} is damaged: ${(error as Error).message}.`, file);
    }
  });

  const referenced = new Set([...records.map((record) => record.bodyFile), ...store.pendingBodies]);
  for (const name of await listBodyFiles(path.join(dir, BODIES_DIR))) {
    files++;
    const file = store.bodies.path(name);
    if (name.endsWith(TMP_SUFFIX))
      report('leftover_tmp', `${relative(dir, file)} is a leftover temporary file.`, file);
    else if (!referenced.has(name))
      report('orphan_body', `${relative(dir, file)} belongs to no item (left by an interrupted save).`, file);
  }

  files += await checkAssets(dir, records, assets, report);

  for (const folder of [dir, path.join(dir, STORE_DIR)]) {
    for (const name of await listDir(folder)) {
      const file = path.join(folder, name);
      if (name.endsWith(TMP_SUFFIX))
        report('leftover_tmp', `${relative(dir, file)} is a leftover temporary file.`, file);
      const shard = folder === dir ? null : shardIndexOf(name);
      if (shard !== null && shard >= store.shards.count) {
        report(
          'stray_store_file',
          `${relative(dir, file)} is beyond the library's ${store.shards.count} shards: its items are not read.`,
          file,
        );
      }
    }
  }
  for (const name of await listDir(path.join(dir, DAMAGED_DIR))) {
    const file = path.join(dir, DAMAGED_DIR, name);
    report(
      'damaged_file',
      `${relative(dir, file)} is a damaged store file kept aside; look at it, then delete it.`,
      file,
    );
  }
  await checkLock(path.join(dir, LOCK_FILE), ownLock, report);

  return { ok: problems.length === 0, checked: { items: records.length, files }, problems };
}

/** Every asset a clip or note names exists; every file in assets/ is named by some item. Returns the files seen. */
async function checkAssets(
  dir: string,
  records: readonly ItemRecord[],
  assets: AssetStore,
  report: (code: string, message: string, file?: string) => void,
): Promise<number> {
  const onDisk = new Set((await listDir(path.join(dir, ASSETS_DIR))).map((name) => `${ASSETS_DIR}/${name}`));
  const named = new Set<string>();
  for (const record of records) {
    for (const asset of record.assets ?? []) {
      named.add(asset);
      if (!onDisk.has(asset)) {
        report(
          'missing_asset',
          `${asset}, an image of "${record.title || 'Untitled'}" (${record.id}), is missing.`,
          assets.path(asset),
        );
      }
    }
  }
  for (const asset of onDisk) {
    const file = assets.path(asset);
    if (asset.endsWith(TMP_SUFFIX)) report('leftover_tmp', `${asset} is a leftover temporary file.`, file);
    else if (!named.has(asset) && !assets.isClaimed(asset))
      report(
        'orphan_asset',
        `${asset} belongs to no clip or note (left by an interrupted clip or import).`,
        file,
      );
  }
  return onDisk.size;
}

async function checkLock(
  file: string,
  own: LockInfo,
  report: (code: string, message: string, file?: string) => void,
): Promise<void> {
  const lock = await readLock(file);
  if (lock === 'gone')
    return report(
      'lock_missing',
      'The lock file is missing: another process could open this library too.',
      file,
    );
  if (lock === null) return report('lock_unreadable', 'The lock file cannot be read.', file);
  if (lock.pid === own.pid && lock.since === own.since && lock.host === own.host) return;
  if (isStale(lock))
    return report('stale_lock', `The lock is held by process ${lock.pid}, which is no longer running.`, file);
  report(
    'lock_not_ours',
    `The lock is held by ${lock.holder} (process ${lock.pid} on ${lock.host}), not by this process.`,
    file,
  );
}

async function parseStoreFile<T>(
  file: string,
  validate: (raw: unknown) => T,
): Promise<T | Error | 'missing'> {
  try {
    return (await new DurableJsonFile(file, { validate, keepBackup: false }).read()) ?? 'missing';
  } catch (error) {
    if (error instanceof DamagedFileError) return error;
    throw error;
  }
}

/** `XX/<name>` for every file under `bodies/`. */
async function listBodyFiles(bodiesDir: string): Promise<string[]> {
  const names: string[] = [];
  for (const bucket of await listDir(bodiesDir)) {
    for (const name of await listDir(path.join(bodiesDir, bucket))) names.push(`${bucket}/${name}`);
  }
  return names;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT', 'ENOTDIR')) return [];
    throw error;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

async function forEachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, worker));
}
