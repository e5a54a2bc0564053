/**
 * After a shard comes back from its `.bak`, the items its last save changed name body files that
 * save then removed — while the newer body file, written before that save, is still on disk.
 * Point such items at the newest body file of their id, so the text survives the recovery.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BodyFiles } from './bodies';
import { CLIP_BODY_EXT, assetsOf, parseClipBody } from './clip-record';
import { isCode } from './durable-file';
import type { ItemRecord } from './item-record';
import { noteRecord } from './item-record';
import { exists } from './recovery';

/** Records that now name another body file; the highest body revision seen is returned too. */
export async function relinkBodies(
  items: Iterable<ItemRecord>,
  bodies: BodyFiles,
): Promise<{ relinked: ItemRecord[]; highestRev: number }> {
  const relinked: ItemRecord[] = [];
  let highestRev = 0;
  for (const item of items) {
    if (await exists(bodies.path(item.bodyFile))) continue;
    const bucket = item.bodyFile.split('/')[0] as string;
    const ext = item.type === 'note' ? 'md' : CLIP_BODY_EXT;
    const newest = await newestBodyFile(path.dirname(bodies.path(item.bodyFile)), item.id, ext);
    if (newest === null) continue;
    const bodyFile = `${bucket}/${newest.name}`;
    const body = await bodies.read(bodyFile);
    if (body === null) continue;
    const record = relinkedRecord(item, bodyFile, body);
    if (record === null) continue;
    relinked.push(record);
    highestRev = Math.max(highestRev, newest.rev);
  }
  return { relinked, highestRev };
}

// A note's excerpt comes from its text; a clip's asset list from its article's images.
function relinkedRecord(item: ItemRecord, bodyFile: string, body: string): ItemRecord | null {
  if (item.type === 'note') return noteRecord({ ...item, bodyFile, body });
  try {
    return { ...item, bodyFile, assets: assetsOf(parseClipBody(body).images) };
  } catch {
    return null; // a damaged article is no better than the missing one: leave it to the check
  }
}

async function newestBodyFile(
  bucketDir: string,
  id: string,
  ext: string,
): Promise<{ name: string; rev: number } | null> {
  let names: string[];
  try {
    names = await fs.readdir(bucketDir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
  let newest: { name: string; rev: number } | null = null;
  for (const name of names) {
    const match = /^(.+)\.(\d+)\.([a-z]+)$/.exec(name);
    if (match?.[1] !== id || match[3] !== ext) continue;
    const rev = Number(match[2]);
    if (!newest || rev > newest.rev) newest = { name, rev };
  }
  return newest;
}
