import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ExportSummary, NotebookEvent } from '../../shared/types';
import { call } from '../../../tests/helpers/call';
import { rejection } from '../../../tests/helpers/errors';
import { startFixtureServer, type FixtureServer } from '../../../tests/helpers/fixture-server';
import { makeTempDir, steppingClock, withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';
import { countingIds, makeExportFixture, type ExportFixture } from './export-fixture';
import { MANIFEST_FILE } from './manifest';

const GOLDEN_DIR = path.join(__dirname, 'fixtures', 'golden');
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

let site: FixtureServer;
beforeAll(async () => {
  site = await startFixtureServer();
});
afterAll(async () => {
  await site.close();
});

const options = () => ({
  clock: steppingClock(),
  newId: countingIds(),
  clipper: { inWorker: false, timeoutMs: 5_000 },
});

async function withFixture(fn: (notebook: Notebook, fixture: ExportFixture, out: string) => Promise<void>) {
  const out = await makeTempDir('commonplace-export-');
  await withTempLibrary(
    async ({ notebook }) => fn(notebook, await makeExportFixture(notebook, site), out),
    options(),
  );
}

/** Every file under `dir` (relative, `/`-separated) with its text. */
async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await fs.readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join('/'), await fs.readFile(full, 'utf8'));
  }
  return files;
}

const markdownFiles = async (dir: string): Promise<string[]> =>
  (await fs.readdir(dir)).filter((name) => name.endsWith('.md')).sort();

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?\n)---\n/.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text}`);
  return parse(match[1] as string) as Record<string, unknown>;
}

describe('a golden export', () => {
  it('writes the files, attachments and manifest expected', async () => {
    await withFixture(async (notebook, fixture, out) => {
      const summary = await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      expect(summary).toMatchObject({
        notes: 2,
        clips: 1,
        written: 3,
        unchanged: 0,
        removed: 0,
        attachments: 1,
      });
      expect(summary.problems).toEqual([]);

      const tree = await readTree(out);
      const asset = [...tree.keys()]
        .find((name) => name.startsWith('attachments/'))
        ?.slice('attachments/'.length);
      expect(asset).toMatch(/^[0-9a-f]{64}\.png$/);
      const placeholders: [string, string][] = [
        [site.origin, '{{origin}}'],
        [asset as string, '{{asset}}'],
        [fixture.highlights.husks, '{{husks}}'],
        [fixture.highlights.mosque, '{{mosque}}'],
        [fixture.highlights.slump, '{{slump}}'],
      ];
      const normalize = (text: string): string =>
        placeholders.reduce((t, [value, name]) => t.replaceAll(value, name), text);

      const expected = [MANIFEST_FILE, 'Granaries of Djenné.md', 'Mali.md', 'Sahel a reader.md'];
      expect([...tree.keys()].filter((name) => !name.startsWith('attachments/')).sort()).toEqual(
        expected.sort(),
      );
      for (const name of expected) {
        // `.golden`: no formatter rewrites them.
        const golden = path.join(GOLDEN_DIR, `${name === MANIFEST_FILE ? 'manifest.json' : name}.golden`);
        const actual = normalize(tree.get(name) as string);
        if (UPDATE_GOLDEN) await fs.writeFile(golden, actual);
        expect(actual, name).toBe(await fs.readFile(golden, 'utf8'));
      }
    });
  });
});

describe('exporting again', () => {
  it('writes nothing when nothing changed, and updates the same files when something did', async () => {
    await withFixture(async (notebook, fixture, out) => {
      await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      const before = await markdownFiles(out);
      const attachment = path.join(
        out,
        'attachments',
        (await fs.readdir(path.join(out, 'attachments')))[0] as string,
      );
      const stats = await Promise.all(
        [...before, MANIFEST_FILE].map((name) => fs.stat(path.join(out, name))),
      );
      const attachmentStat = await fs.stat(attachment);

      const again = await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      expect(again).toMatchObject({
        notes: 2,
        clips: 1,
        written: 0,
        unchanged: 3,
        removed: 0,
        attachments: 0,
      });
      expect(await markdownFiles(out)).toEqual(before);
      const after = await Promise.all(
        [...before, MANIFEST_FILE].map((name) => fs.stat(path.join(out, name))),
      );
      expect(after.map((s) => s.mtimeMs)).toEqual(stats.map((s) => s.mtimeMs));
      expect((await fs.stat(attachment)).mtimeMs).toBe(attachmentStat.mtimeMs);

      await call(notebook, 'updateNote', { id: fixture.mali, body: 'Rewritten.' });
      const edited = await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      expect(edited).toMatchObject({ written: 1, unchanged: 2 });
      expect(await markdownFiles(out)).toEqual(before);
      expect(await fs.readFile(path.join(out, 'Mali.md'), 'utf8')).toContain('\nRewritten.\n');
    });
  });

  it('follows a renamed item to a file named after its new title, never leaving a second copy', async () => {
    await withFixture(async (notebook, fixture, out) => {
      await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      await call(notebook, 'renameItem', { id: fixture.mali, title: 'Mali Empire' });
      const summary = await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      // The renamed note, and the reader whose links renameItem rewrote.
      expect(summary).toMatchObject({ written: 2, unchanged: 1, removed: 0 });
      expect(await markdownFiles(out)).toEqual([
        'Granaries of Djenné.md',
        'Mali Empire.md',
        'Sahel a reader.md',
      ]);
      const reader = await fs.readFile(path.join(out, 'Sahel a reader.md'), 'utf8');
      expect(reader).toContain('Plain [[Mali Empire]], by alias [[Mali Empire|republic of mali]]');
      const manifest = JSON.parse(await fs.readFile(path.join(out, MANIFEST_FILE), 'utf8')) as {
        files: Record<string, string>;
      };
      expect(manifest.files[fixture.mali]).toBe('Mali Empire.md');
    });
  });

  it('keeps a numbered name while the title still fits it, and never touches files it did not write', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const out = await makeTempDir('commonplace-export-');
      await fs.writeFile(path.join(out, 'mali.md'), 'my own file');
      const first = await call(notebook, 'createNote', { title: 'Mali', body: 'one' });
      const second = await call(notebook, 'createNote', { title: 'MALI', body: 'two' });
      await call(notebook, 'exportMarkdown', { dir: out });
      expect(await markdownFiles(out)).toEqual(['MALI 3.md', 'Mali 2.md', 'mali.md']);
      expect(await fs.readFile(path.join(out, 'mali.md'), 'utf8')).toBe('my own file');

      // The first one goes: the second keeps its name rather than moving up.
      await call(notebook, 'trashItem', { id: first.id });
      const summary = await call(notebook, 'exportMarkdown', { dir: out, prune: true });
      expect(summary).toMatchObject({ written: 0, unchanged: 1, removed: 1 });
      expect(await markdownFiles(out)).toEqual(['MALI 3.md', 'mali.md']);
      expect(frontMatterOf(await fs.readFile(path.join(out, 'MALI 3.md'), 'utf8')).id).toBe(second.id);
    }, options());
  });
  it('runs two exports into one folder one after the other', async () => {
    await withFixture(async (notebook, fixture, out) => {
      const [a, b] = await Promise.all([
        call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported }),
        call(notebook, 'exportMarkdown', { dir: `${out}${path.sep}.`, ids: fixture.exported }),
      ]);
      expect([a.written, b.written]).toEqual([3, 0]);
      expect(b.unchanged).toBe(3);
      expect(await markdownFiles(out)).toEqual(['Granaries of Djenné.md', 'Mali.md', 'Sahel a reader.md']);
    });
  });
});

describe('prune', () => {
  it('removes the files (and attachments) of items no longer exported only when asked', async () => {
    await withFixture(async (notebook, fixture, out) => {
      await call(notebook, 'exportMarkdown', { dir: out, ids: fixture.exported });
      await call(notebook, 'trashItem', { id: fixture.granaries });
      await call(notebook, 'trashItem', { id: fixture.mali });
      const kept = await call(notebook, 'exportMarkdown', { dir: out });
      expect(kept.removed).toBe(0);
      expect(await markdownFiles(out)).toContain('Mali.md');
      expect(await fs.readdir(path.join(out, 'attachments'))).toHaveLength(1);

      const pruned = await call(notebook, 'exportMarkdown', { dir: out, prune: true });
      expect(pruned.removed).toBe(2);
      expect(await markdownFiles(out)).toEqual(['Other article.md', 'Private.md', 'Sahel a reader.md']);
      expect(await fs.readdir(path.join(out, 'attachments'))).toEqual([]);
      // The link to the trashed note is plain text now, not a path to a removed file.
      expect(await fs.readFile(path.join(out, 'Sahel a reader.md'), 'utf8')).toContain(
        'Plain Mali, by alias republic',
      );
    });
  });
});

describe('scope', () => {
  it('takes a tag with its nested tags outside the trash, a search, or everything', async () => {
    await withFixture(async (notebook, fixture, out) => {
      const names = async (args: { tag?: string; query?: string }): Promise<string[]> => {
        const dir = await makeTempDir('commonplace-export-');
        await call(notebook, 'exportMarkdown', { dir, ...args });
        return markdownFiles(dir);
      };
      expect(await names({ tag: 'sahel' })).toEqual([
        'Granaries of Djenné.md',
        'Mali.md',
        'Sahel a reader.md',
      ]);
      await call(notebook, 'trashItem', { id: fixture.reader });
      expect(await names({ tag: 'SAHEL' })).toEqual(['Granaries of Djenné.md', 'Mali.md']);
      expect(await names({ tag: 'sahel/mali' })).toEqual(['Mali.md']);
      expect(await names({ query: 'husks' })).toEqual(['Granaries of Djenné.md']);
      expect(await names({ query: 'export' })).toEqual(['Private.md']);
      expect(await names({ tag: 'sahel', query: 'empire' })).toEqual(['Mali.md']);
      expect(await names({})).toEqual([
        'Granaries of Djenné.md',
        'Mali.md',
        'Other article.md',
        'Private.md',
      ]);
      const summary = await call(notebook, 'exportMarkdown', {
        dir: out,
        ids: [fixture.reader, 'nosuchitem'],
      });
      expect(summary).toMatchObject({ notes: 1, written: 1 });
      expect(summary.problems).toEqual([
        { subject: 'nosuchitem', message: expect.stringMatching(/no item/) as string },
      ]);
    });
  });

  it('refuses a folder inside the library, or a file', async () => {
    await withTempLibrary(async ({ dir, notebook }) => {
      const inside = await rejection(call(notebook, 'exportMarkdown', { dir: path.join(dir, 'out') }));
      expect(inside).toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/inside the library/) as string,
      });
      expect((await rejection(call(notebook, 'exportMarkdown', { dir }))).code).toBe('invalid_argument');
      const outside = await makeTempDir('commonplace-export-');
      const file = path.join(outside, 'file.md');
      await fs.writeFile(file, 'x');
      const onFile = await rejection(call(notebook, 'exportMarkdown', { dir: file }));
      expect(onFile).toMatchObject({
        code: 'invalid_argument',
        message: expect.stringMatching(/is a file/) as string,
      });
      // Through a symbolic link into the library: still inside.
      const link = path.join(outside, 'link');
      await fs.symlink(dir, link);
      expect((await rejection(call(notebook, 'exportMarkdown', { dir: path.join(link, 'x') }))).code).toBe(
        'invalid_argument',
      );
    });
  });
});

describe('file names', () => {
  it('are safe on any OS, length-limited and unique ignoring case', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const titles = [
        'a/b:c?',
        'CON',
        'con.txt',
        '..',
        'x'.repeat(300),
        'Case',
        'CASE',
        ' trailing. ',
        'tab\there',
      ];
      for (const title of titles) await call(notebook, 'createNote', { title, body: title });
      const out = await makeTempDir('commonplace-export-');
      await call(notebook, 'exportMarkdown', { dir: out });
      const names = await markdownFiles(out);
      expect(names).toEqual(
        [
          'a b c.md',
          'CON_.md',
          'con_.txt.md',
          'Untitled.md',
          `${'x'.repeat(100)}.md`,
          'Case.md',
          'CASE 2.md',
          'trailing.md',
          'tab here.md',
        ].sort(),
      );
      for (const name of names) {
        const text = await fs.readFile(path.join(out, name), 'utf8');
        expect(titles).toContain(frontMatterOf(text).title);
      }
    }, options());
  });
});

describe('front matter', () => {
  it('parses back to the same values whatever the title holds', async () => {
    await withFixture(async (notebook, fixture, out) => {
      const titles = [
        'Key: value # not a comment',
        `"Double" and 'single' quotes`,
        'Two\nlines',
        '- looks like a list',
        'yes',
        '123',
        'null',
        '[x]',
        '  padded  ',
      ];
      const ids: string[] = [];
      for (const title of titles) {
        ids.push((await call(notebook, 'createNote', { title, body: '', tags: ['a/b'] })).id);
      }
      await call(notebook, 'updateNote', { id: ids[0] as string, aliases: ['Alias: one', 'Two "quoted"'] });
      const summary: ExportSummary = await call(notebook, 'exportMarkdown', {
        dir: out,
        ids: [...ids, fixture.granaries],
      });
      expect(summary.problems).toEqual([]);
      const manifest = JSON.parse(await fs.readFile(path.join(out, MANIFEST_FILE), 'utf8')) as {
        files: Record<string, string>;
      };
      for (const [i, id] of ids.entries()) {
        const text = await fs.readFile(path.join(out, manifest.files[id] as string), 'utf8');
        const fields = frontMatterOf(text);
        expect(fields).toMatchObject({ id, type: 'note', title: titles[i], tags: ['a/b'] });
        expect(typeof fields.created).toBe('string');
      }
      const first = await fs.readFile(path.join(out, manifest.files[ids[0] as string] as string), 'utf8');
      expect(frontMatterOf(first).aliases).toEqual(['Alias: one', 'Two "quoted"']);

      const clip = frontMatterOf(await fs.readFile(path.join(out, 'Granaries of Djenné.md'), 'utf8'));
      expect(clip).toEqual({
        id: fixture.granaries,
        type: 'clip',
        title: 'Granaries of Djenné',
        aliases: [],
        tags: ['sahel'],
        created: expect.any(String) as string,
        updated: expect.any(String) as string,
        url: site.url('/granaries'),
        canonical_url: site.url('/granaries'),
        authors: ['Awa Traoré'],
        clipped: expect.any(String) as string,
        lang: 'en',
        doi: '10.1234/granary.5',
      });
    });
  });
});

describe('itemMarkdown', () => {
  it('is the file a single export of the item writes, links to other items made plain', async () => {
    await withFixture(async (notebook, fixture, out) => {
      const one = await call(notebook, 'itemMarkdown', { id: fixture.reader });
      expect(one.fileName).toBe('Sahel a reader.md');
      await call(notebook, 'exportMarkdown', { dir: out, ids: [fixture.reader] });
      expect(await fs.readFile(path.join(out, one.fileName), 'utf8')).toBe(one.markdown);
      expect(one.markdown).toContain(
        'Plain Mali, by alias republic of mali, a heading Mali, shown the old empire.',
      );
      expect(one.markdown).toContain(`A highlight: [Granaries of Djenné](${site.url('/granaries')})`);
      expect(one.markdown).toContain('Itself: [[Sahel a reader|Sahel: a reader]].');

      const clip = await call(notebook, 'itemMarkdown', { id: fixture.granaries });
      expect(clip.markdown).toContain(
        `> rice husks\n>\n> **Comment:** Why husks?\n> See the *binding* note.\n\n^${fixture.highlights.husks}\n`,
      );
      expect((await rejection(call(notebook, 'itemMarkdown', { id: 'nosuchitem' }))).code).toBe('not_found');
    });
  });
});

describe('progress', () => {
  it('reports the export job up to its total', async () => {
    await withFixture(async (notebook, _fixture, out) => {
      const events: NotebookEvent[] = [];
      const stop = notebook.onEvent((event) => events.push(event));
      await call(notebook, 'exportMarkdown', { dir: out });
      stop();
      const progress = events.filter((e) => e.type === 'progress' && e.job === 'export');
      expect(progress.at(0)).toMatchObject({ done: 0, total: 5 });
      expect(progress.at(-1)).toMatchObject({ done: 5, total: 5 });
    });
  });
});
