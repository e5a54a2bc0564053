/**
 * Markdown export and import at a given size: a library of notes (with [[links]]) and clips (with
 * highlights, a third of them with an image) is exported to an empty folder, exported again
 * (nothing changed: nothing written), and the export imported into an empty library with
 * importMarkdown. Targets at 10,000 items: export and import each under 10 s, with no event-loop
 * stall over 50 ms. `import busy ms` is how long the import kept the main thread busy (the rest of
 * its time it waited on the disk or on worker threads).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeItems, type BulkItem } from '../../src/core/bulk-write';
import { serializeClipBody, CLIP_BODY_EXT } from '../../src/core/clip-record';
import { createNotebook } from '../../src/core';
import { replaceFileDurably } from '../../src/core/durable-file';
import { bodyBucket, randomId } from '../../src/core/ids';
import { noteRecord, type ClipRecord, type HighlightRecord } from '../../src/core/item-record';
import { newLibraryFile } from '../../src/core/library-file';
import { linkTexts } from '../../src/core/links/wikilink';
import { ASSETS_DIR, LIBRARY_FILE, bodyFileName } from '../../src/core/paths';
import { createRandom, generateArticle, generateNote, type Random } from '../corpus';
import { time, withLoopMonitor } from '../stats';
import type { Suite } from './suite';
import { scratchDir } from '../scratch';

// Share of clips among the items, and of clips with an image (drawn from a few distinct files).
const CLIP_SHARE = 0.3;
const IMAGE_SHARE = 1 / 3;
const DISTINCT_IMAGES = 200;
const HIGHLIGHTS_PER_CLIP = 2;

export const transferSuite: Suite = {
  name: 'transfer',
  columns: [
    'seed s',
    'export ms',
    'export loop max',
    'export MB',
    're-export ms',
    'import ms',
    'import loop max',
    'import busy ms',
    'imported',
  ],
  async run(size, options) {
    const root = await scratchDir('commonplace-bench-');
    const library = path.join(root, 'library');
    const out = path.join(root, 'export');
    const seeded = await time(() => seedMixedLibrary(library, size, options.shards));
    const exported = await measureExport(library, out, size);
    const imported = await measureImport(path.join(root, 'imported'), out);
    return {
      'seed s': seeded.ms / 1000,
      ...exported,
      'export MB': (await folderBytes(out)) / 1e6,
      ...imported,
    };
  },
};

async function measureExport(library: string, out: string, size: number): Promise<Record<string, number>> {
  const notebook = await createNotebook({ dir: library, holder: 'the bench' });
  try {
    // The seeded library has no search index yet: let it be built before measuring.
    await notebook.whenSearchReady();
    const first = await withLoopMonitor(() => notebook.exportMarkdown({ dir: out, prune: false }));
    const summary = first.value;
    if (summary.problems.length > 0 || summary.notes + summary.clips !== size) {
      const problem = summary.problems[0];
      throw new Error(
        `export: ${summary.notes + summary.clips} of ${size} items` +
          (problem ? `; ${problem.subject}: ${problem.message}` : ''),
      );
    }
    const again = await notebook.exportMarkdown({ dir: out, prune: false });
    if (again.written !== 0) throw new Error(`re-export wrote ${again.written} files`);
    return { 'export ms': summary.tookMs, 'export loop max': first.loopMaxMs, 're-export ms': again.tookMs };
  } finally {
    await notebook.close();
  }
}

async function measureImport(dir: string, from: string): Promise<Record<string, number>> {
  const notebook = await createNotebook({ dir, holder: 'the bench' });
  try {
    const before = performance.eventLoopUtilization();
    const run = await withLoopMonitor(() => time(() => notebook.importMarkdown({ dir: from })));
    return {
      'import ms': run.value.ms,
      'import loop max': run.loopMaxMs,
      'import busy ms': performance.eventLoopUtilization(before).active,
      imported: run.value.value.created + run.value.value.merged,
    };
  } finally {
    await notebook.close();
  }
}

/** A new library at `dir` with `size` items, written in bulk (not through `size` saves). */
export async function seedMixedLibrary(dir: string, size: number, shards: number): Promise<void> {
  const random = createRandom(11);
  const images = await writeImages(dir, random);
  const items: BulkItem[] = [];
  for (let i = 0; i < size; i++) {
    const id = randomId();
    const rev = i + 1;
    if (random.chance(CLIP_SHARE))
      items.push(clipItem(random, id, rev, random.chance(IMAGE_SHARE) ? random.pick(images) : null));
    else {
      const note = generateNote(random);
      const record = noteRecord({
        id,
        rev,
        bodyFile: bodyFileName(bodyBucket(id), id, rev),
        deleted: null,
        // As a save records them, so the link index need not read every body.
        links: linkTexts(note.body),
        ...note,
      });
      items.push({ record, body: note.body });
    }
  }
  await writeItems(dir, shards, items, false);
  const library = newLibraryFile(new Date().toISOString(), shards);
  await replaceFileDurably(path.join(dir, LIBRARY_FILE), JSON.stringify(library, null, 2), {
    keepBackup: false,
  });
}

function clipItem(random: Random, id: string, rev: number, image: string | null): BulkItem {
  const article = generateArticle(random);
  const paragraphs = article.text.split('\n\n');
  const figure = image === null ? [] : [`![Figure](${image})`];
  const markdown = [paragraphs[0] ?? '', ...figure, ...paragraphs.slice(1)].join('\n\n');
  const highlights: HighlightRecord[] = [];
  for (let h = 0; h < HIGHLIGHTS_PER_CLIP; h++) {
    const start = random.int(0, Math.max(0, article.text.length - 80));
    const end = Math.min(article.text.length, start + random.int(20, 80));
    highlights.push({
      id: `h${id.slice(0, 6)}${h}`.toLowerCase().replace(/[^a-z0-9]/g, '0'),
      anchor: {
        quote: article.text.slice(start, end),
        prefix: article.text.slice(Math.max(0, start - 32), start),
        suffix: article.text.slice(end, end + 32),
        start,
        end,
      },
      color: 'yellow',
      comment: random.chance(0.5) ? 'Worth checking against the field notes.' : '',
      created: article.created,
      updated: article.created,
      orphaned: false,
    });
  }
  const record: ClipRecord = {
    id,
    type: 'clip',
    title: article.title,
    tags: article.tags,
    excerpt: article.text.slice(0, 200),
    created: article.created,
    updated: article.updated,
    deleted: null,
    rev,
    url: article.url,
    canonicalUrl: article.url,
    authors: article.authors,
    siteName: article.siteName,
    published: article.published,
    lang: 'fr',
    clipped: article.created,
    highlights,
    bodyFile: bodyFileName(bodyBucket(id), id, rev, CLIP_BODY_EXT),
    assets: image === null ? [] : [image],
    mode: 'article',
  };
  const body = serializeClipBody({
    html: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    text: article.text,
    markdown,
    images: image === null ? [] : [{ src: `${article.url}/figure.png`, asset: image }],
    citation: null,
    suggestedTags: [],
  });
  return { record, body };
}

/** A few distinct image files in the library's assets folder; their asset names. */
async function writeImages(dir: string, random: Random): Promise<string[]> {
  await fs.mkdir(path.join(dir, ASSETS_DIR), { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < DISTINCT_IMAGES; i++) {
    const bytes = Buffer.alloc(20_000 + random.int(0, 40_000), i);
    const name = `${ASSETS_DIR}/${createHash('sha256').update(bytes).digest('hex')}.png`;
    await fs.writeFile(path.join(dir, name), bytes);
    names.push(name);
  }
  return names;
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}
