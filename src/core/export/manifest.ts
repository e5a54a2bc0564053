/**
 * `.commonplace-export.json` in the export folder: which file each exported item was written to,
 * and which attachments the export copied. A later export reuses the names, so files are updated
 * in place; prune removes only files listed here. Shape (version 1):
 *
 *   { "version": 1, "files": { "<item id>": "<file name>.md" }, "attachments": ["<sha256>.<ext>"] }
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { isCode, replaceFileDurably } from '../durable-file';
import { Slices } from '../event-loop';
import { isObject } from '../json-shape';

export const MANIFEST_FILE = '.commonplace-export.json';
const MANIFEST_VERSION = 1;

export interface ExportManifest {
  files: Map<string, string>;
  attachments: Set<string>;
}

// What a manifest may name: a plain file in the folder (or attachments/), nothing that climbs out.
const SAFE_NAME = /^[^/\\]+$/;

/** The folder's manifest; empty when there is none. Throws a plain Error when it cannot be read. */
export async function readManifest(dir: string): Promise<ExportManifest> {
  const manifest: ExportManifest = { files: new Map(), attachments: new Set() };
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return manifest;
    throw error;
  }
  const raw: unknown = JSON.parse(text);
  if (!isObject(raw) || raw.version !== MANIFEST_VERSION || !isObject(raw.files)) {
    throw new Error(`not a version ${MANIFEST_VERSION} export manifest`);
  }
  const slices = new Slices();
  for (const [id, name] of Object.entries(raw.files)) {
    if (typeof name === 'string' && SAFE_NAME.test(name) && name !== '.' && name !== '..') {
      manifest.files.set(id, name);
    }
    if (slices.due()) await slices.next();
  }
  if (Array.isArray(raw.attachments)) {
    for (const name of raw.attachments) {
      if (typeof name === 'string' && SAFE_NAME.test(name) && !name.startsWith('.'))
        manifest.attachments.add(name);
    }
  }
  return manifest;
}

/**
 * Serialised with sorted keys, so an export that changed nothing writes the same bytes: what
 * `JSON.stringify(…, null, 2)` writes, a line at a time, in slices of the event loop's time (an
 * export of 50,000 items lists as many files).
 */
export async function manifestText(manifest: ExportManifest, slices = new Slices()): Promise<string> {
  const lines: string[] = [];
  // The default order: by UTF-16 code units.
  for (const id of [...manifest.files.keys()].sort()) {
    lines.push(`    ${JSON.stringify(id)}: ${JSON.stringify(manifest.files.get(id))}`);
    if (slices.due()) await slices.next();
  }
  const attachments = [...manifest.attachments].sort().map((name) => `    ${JSON.stringify(name)}`);
  return (
    `{\n  "version": ${MANIFEST_VERSION},\n  "files": ${block('{', lines, '}')},\n` +
    `  "attachments": ${block('[', attachments, ']')}\n}\n`
  );
}

function block(open: string, lines: readonly string[], close: string): string {
  return lines.length === 0 ? open + close : `${open}\n${lines.join(',\n')}\n  ${close}`;
}

/** Writes the manifest atomically unless it already holds exactly this. */
export async function writeManifest(dir: string, manifest: ExportManifest): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE);
  const text = await manifestText(manifest);
  const current = await fs.readFile(file, 'utf8').catch(() => null);
  if (current !== text) await replaceFileDurably(file, text, { keepBackup: false });
}
