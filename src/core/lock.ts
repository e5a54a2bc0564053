/** One writer per library: a `lock` file made with exclusive create, naming who holds it. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NotebookError } from '../shared/errors';
import { isCode } from './durable-file';
import { LOCK_FILE } from './paths';

export interface LockInfo {
  pid: number;
  host: string;
  holder: string;
  since: string;
}

export interface LibraryLock {
  readonly info: LockInfo;
  release(): Promise<void>;
}

/** Takes the library's lock, taking over one left by a dead process on this host; `locked` otherwise. */
export async function acquireLock(dir: string, holder: string, now: Date): Promise<LibraryLock> {
  const file = path.join(dir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: os.hostname(), holder, since: now.toISOString() };
  // Two rounds: the second runs after a stale lock was moved out of the way.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx' });
      return { info, release: () => releaseLock(file, info) };
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const current = await readLock(file);
    if (current === 'gone') continue;
    if (current !== null && !isStale(current)) throw lockedError(dir, current);
    if (current === null && !(await isOldUnreadableLock(file))) throw lockedError(dir, null);
    await removeStaleLock(file, current);
  }
  const current = await readLock(file);
  throw lockedError(dir, current === 'gone' ? null : current);
}

/** The lock's content; null if it cannot be read as a lock; 'gone' if there is no lock file. */
export async function readLock(file: string): Promise<LockInfo | null | 'gone'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 'gone';
    throw error;
  }
  try {
    const raw = JSON.parse(text) as Partial<LockInfo>;
    if (
      Number.isInteger(raw.pid) &&
      typeof raw.host === 'string' &&
      typeof raw.holder === 'string' &&
      typeof raw.since === 'string'
    ) {
      return raw as LockInfo;
    }
  } catch {
    // Falls through: an unreadable lock is handled by the caller.
  }
  return null;
}

/** A lock is stale when its process is gone; only checkable on the same host. */
export function isStale(lock: LockInfo): boolean {
  return lock.host === os.hostname() && !processIsAlive(lock.pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return !isCode(error, 'ESRCH');
  }
}

// A process that crashed between creating the lock and writing it leaves it empty; a live one
// writes it within microseconds, so an unreadable lock older than this is abandoned.
const UNREADABLE_LOCK_GRACE_MS = 5_000;

async function isOldUnreadableLock(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat !== null && Date.now() - stat.mtimeMs > UNREADABLE_LOCK_GRACE_MS;
}

/**
 * Moves the stale lock to a name of our own, then checks it is the one we judged stale: if another
 * process took the lock over in between, we put theirs back rather than delete it.
 */
async function removeStaleLock(file: string, judged: LockInfo | null): Promise<void> {
  const mine = `${file}.stale-${process.pid}`;
  try {
    await fs.rename(file, mine);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return;
    throw error;
  }
  const moved = await readLock(mine);
  if (JSON.stringify(moved) === JSON.stringify(judged)) {
    await fs.rm(mine, { force: true });
    return;
  }
  await fs.link(mine, file).catch(() => undefined);
  await fs.rm(mine, { force: true });
}

async function releaseLock(file: string, info: LockInfo): Promise<void> {
  const current = await readLock(file);
  // Never remove a lock someone else holds (ours was taken over after being judged stale).
  if (current !== 'gone' && current !== null && current.pid === info.pid && current.since === info.since) {
    await fs.rm(file, { force: true });
  }
}

export function lockedError(dir: string, lock: LockInfo | null): NotebookError {
  if (lock === null) {
    return new NotebookError(
      'locked',
      `The library at ${dir} is in use (its lock file cannot be read). Close it first, or point to another library with --library.`,
    );
  }
  return new NotebookError(
    'locked',
    `The library at ${dir} is in use by ${lock.holder} (process ${lock.pid} on ${lock.host}, since ${lock.since}). ` +
      'Close it first, or point to another library with --library.',
  );
}
