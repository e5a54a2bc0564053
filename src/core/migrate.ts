/**
 * Schema migrations. Version 1 was the plain lowdb layout: one `library.json` holding
 * `{ schemaVersion: 1, notes: [{ id, title, body, tags, createdAt, updatedAt, trashedAt }] }`.
 *
 * Crash-safe by ordering: the new layout is written first, the old file is kept as
 * `library.v1.json`, and the new `library.json` is written last. Until that last rename the
 * library still reads as version 1, so an interrupted migration simply runs again.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { NotebookError } from '../shared/errors';
import { applyTagChanges, normalizeTag } from '../shared/tags';
import type { BulkItem } from './bulk-write';
import { writeItems } from './bulk-write';
import { linkOrCopy, replaceFileDurably, syncDir } from './durable-file';
import { bodyBucket, randomId } from './ids';
import { noteRecord } from './item-record';
import type { LibraryFile } from './library-file';
import { newLibraryFile } from './library-file';
import { BAK_SUFFIX, BODIES_DIR, LIBRARY_FILE, STORE_DIR, V1_FILE, bodyFileName } from './paths';

interface V1Note {
  id?: unknown;
  title?: unknown;
  body?: unknown;
  tags?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  trashedAt?: unknown;
}

const VALID_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Brings a version 1 library.json forward to version 2; returns the new library.json. */
export async function migrateV1(
  dir: string,
  raw: unknown,
  options: { now: Date; shards: number },
): Promise<LibraryFile> {
  const notes = (raw as { notes?: unknown }).notes;
  if (!Array.isArray(notes) || !notes.every((note) => typeof note === 'object' && note !== null)) {
    throw new NotebookError(
      'corrupt',
      `${path.join(dir, LIBRARY_FILE)} says schema version 1 but has no list of notes; nothing was changed.`,
    );
  }
  // Anything here is from an interrupted run of this migration: library.json still says version 1.
  await fs.rm(path.join(dir, STORE_DIR), { recursive: true, force: true });
  await fs.rm(path.join(dir, BODIES_DIR), { recursive: true, force: true });

  await writeItems(dir, options.shards, toItems(notes as V1Note[], options.now), true);

  const libraryPath = path.join(dir, LIBRARY_FILE);
  const keptPath = path.join(dir, V1_FILE);
  await fs.rm(keptPath, { force: true });
  await linkOrCopy(libraryPath, keptPath);
  await syncDir(dir);
  // No .bak of the version 1 file: restoring it over a version 2 store would undo the migration.
  await fs.rm(libraryPath + BAK_SUFFIX, { force: true });
  const library = newLibraryFile(options.now.toISOString(), options.shards);
  await replaceFileDurably(libraryPath, JSON.stringify(library, null, 2), { keepBackup: false });
  return library;
}

/** Oldest change first, so revisions 1..n follow the notes' history. */
function toItems(notes: V1Note[], now: Date): BulkItem[] {
  const seen = new Set<string>();
  const dated = notes.map((note) => {
    const created = isoDate(note.createdAt, now);
    return { note, created, updated: isoDate(note.updatedAt, new Date(created)) };
  });
  dated.sort((a, b) => (a.updated < b.updated ? -1 : a.updated > b.updated ? 1 : 0));
  return dated.map(({ note, created, updated }, i) => {
    let id =
      typeof note.id === 'string' && VALID_ID.test(note.id) && !seen.has(note.id) ? note.id : randomId();
    while (seen.has(id)) id = randomId();
    seen.add(id);
    const rev = i + 1;
    const body = typeof note.body === 'string' ? note.body : '';
    const record = noteRecord({
      id,
      rev,
      title: typeof note.title === 'string' ? note.title : '',
      body,
      tags: migrateTags(note.tags),
      created,
      updated,
      deleted: note.trashedAt ? isoDate(note.trashedAt, new Date(updated)) : null,
      bodyFile: bodyFileName(bodyBucket(id), id, rev),
    });
    return { record, body };
  });
}

function isoDate(value: unknown, fallback: Date): string {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : fallback;
  return (Number.isNaN(date.getTime()) ? fallback : date).toISOString();
}

// Version 1 did not check tags: characters a tag cannot hold become `-`, and what stays unusable is dropped.
function migrateTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) return [];
  const usable: string[] = [];
  for (const tag of tags) {
    if (typeof tag !== 'string') continue;
    for (const candidate of [tag, tag.replace(/[^\p{L}\p{N}_./-]+/gu, '-')]) {
      try {
        usable.push(normalizeTag(candidate));
        break;
      } catch {
        // Try the next spelling.
      }
    }
  }
  return applyTagChanges([], usable, []);
}
