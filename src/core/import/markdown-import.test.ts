import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_LENGTH } from '../../shared/api';
import type { ImportSummary, Item, NotebookEvent } from '../../shared/types';
import { asClip, asNote } from '../../../tests/helpers/items';
import { makeTempDir, withTempLibrary } from '../../../tests/helpers/temp-library';
import type { Notebook } from '../notebook';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/vault');

/**
 * The fixture vault copied to a temp folder, plus what cannot be committed: a symbolic link to a
 * file outside it, a file too large to import, and two names differing only by case (which a
 * case-insensitive checkout could not hold).
 */
async function vaultCopy(): Promise<{ vault: string; outside: string }> {
  const dir = await makeTempDir('commonplace-vault-');
  const vault = path.join(dir, 'vault');
  await fs.cp(FIXTURE, vault, { recursive: true });
  const outside = path.join(dir, 'secret.md');
  await fs.writeFile(outside, '# Secret\n\nOutside the vault.\n');
  await fs.symlink(outside, path.join(vault, 'Secret.md'));
  await fs.symlink(path.join(vault, 'Welcome.md'), path.join(vault, 'Welcome again.md'));
  await fs.writeFile(path.join(vault, 'Huge.md'), 'x'.repeat(MAX_BODY_LENGTH + 1));
  await fs.mkdir(path.join(vault, 'Case'));
  await fs.writeFile(path.join(vault, 'Case', 'Note.md'), 'Upper case.\n');
  await fs.writeFile(path.join(vault, 'Case', 'note.md'), 'Lower case.\n');
  return { vault, outside };
}

async function items(notebook: Notebook): Promise<Item[]> {
  const page = await notebook.listItems({ view: 'all', offset: 0, limit: 1000 });
  return Promise.all(page.items.map((item) => notebook.getItem({ id: item.id })));
}

function byTitle(all: Item[], title: string): Item {
  const found = all.find((item) => item.title === title);
  if (!found) throw new Error(`no item titled ${title}: ${all.map((i) => i.title).join(', ')}`);
  return found;
}

const codes = (summary: ImportSummary, subject: string): string[] =>
  summary.problems.filter((p) => p.subject === subject).map((p) => p.code);

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');

describe('importMarkdown', () => {
  it('imports a vault: notes, titles, tags, aliases, dates, links, attachments and a clip', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      const summary = await notebook.importMarkdown({ dir: vault });
      const all = await items(notebook);
      expect(all.map((item) => item.title).sort()).toEqual([
        'A big idea',
        'Broken',
        'Grüße aus UTF-16',
        'Monday',
        'Note',
        'Rivers of the Sahel: a field guide',
        'Small idea',
        'Welcome to the vault',
        'note',
      ]);
      expect(summary).toMatchObject({ created: 9, merged: 0, highlights: 3, attachments: 2 });
      expect(summary.items.every((item) => item.outcome === 'created')).toBe(true);

      const welcome = asNote(byTitle(all, 'Welcome to the vault'));
      expect(welcome.tags).toEqual(['start', 'projects/alpha', 'inline-tag']);
      expect(welcome.aliases).toEqual(['Home', 'Front page']);
      expect(welcome.created).toBe('2024-01-02T03:04:05.000Z');
      expect(welcome.updated).toBe('2024-02-03T04:05:06.000Z');
      expect(welcome.body).toContain(
        'Start with [[A big idea|the big idea]], then [[Small idea]] and [[Monday#Morning|Monday morning]].',
      );
      expect(welcome.body).toContain('[[Missing note]]');
      expect(welcome.body).toContain('[[Not a link]] #not-a-tag');
      const diagram = await sha(path.join(vault, 'attachments/diagram.png'));
      const photo = await sha(path.join(vault, 'attachments/photo one.jpg'));
      expect(welcome.body).toContain(`![diagram.png](assets/${diagram}.png)`);
      expect(welcome.body).toContain(`![A photo](assets/${photo}.jpg "The photo")`);
      expect(welcome.body).toContain('![Gone](attachments/gone.png)');
      const library = (await notebook.getLibraryInfo({})).dir;
      expect(await sha(path.join(library, 'assets', `${diagram}.png`))).toBe(diagram);

      const small = asNote(byTitle(all, 'Small idea'));
      expect(small.id).toBe('smallidea01');
      expect(small.tags).toEqual(['alpha', 'beta']);
      expect(small.aliases).toEqual(['Tiny']);
      expect(small.body).toContain('```yaml\nstatus: draft\nrating: 3\n```');

      const monday = asNote(byTitle(all, 'Monday'));
      expect(monday.tags).toEqual(['journal', 'daily']);
      expect(monday.created).toBe('2024-03-04T00:00:00.000Z');
      expect(monday.updated).toBe('2024-03-05T09:00:00.000Z');
      expect(monday.body).toContain('Read about [[Welcome to the vault]] and the [[A big idea]].');

      expect(asNote(byTitle(all, 'A big idea')).body).toContain('[[Welcome to the vault|home]]');
      expect(asNote(byTitle(all, 'Broken')).body).toBe(
        await fs.readFile(path.join(vault, 'Broken.md'), 'utf8'),
      );
      expect(asNote(byTitle(all, 'Grüße aus UTF-16')).body).toContain('Umlauten: äöü.');
      expect(asNote(byTitle(all, 'Note')).body).toBe('Upper case.\n');
      expect(asNote(byTitle(all, 'note')).body).toBe('Lower case.\n');

      const links = await notebook.getLinks({ id: welcome.id });
      const targets = links.outgoing.map((link) => [link.target, link.resolved?.title ?? null]);
      expect(targets).toContainEqual(['A big idea', 'A big idea']);
      expect(targets).toContainEqual(['Monday', 'Monday']);
      expect(targets).toContainEqual(['Missing note', null]);
    });
  });

  it('rebuilds a clip from its front matter, Markdown and highlights', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      const summary = await notebook.importMarkdown({ dir: vault });
      const clip = asClip(await notebook.getItem({ id: 'clipfixture1' }));
      expect(clip).toMatchObject({
        title: 'Rivers of the Sahel: a field guide',
        url: 'https://example.org/rivers?utm_source=feed',
        canonicalUrl: 'https://example.org/rivers',
        authors: ['Awa Keïta'],
        siteName: 'Example Review',
        published: '2023-11',
        lang: 'en',
        tags: ['sahel', 'rivers'],
        clipped: '2024-04-01T08:00:00.000Z',
        citation: { doi: '10.1234/rivers.5', firstPage: '12', lastPage: '19' },
      });
      expect(clip.html).not.toContain('script');
      expect(clip.html).toMatch(/<img src="assets\/[0-9a-f]{64}\.jpg" alt="A map">/);
      expect(clip.text).toContain('The Niger bends north into the desert before turning south again.');
      expect(clip.text).not.toContain('Highlights');
      expect(clip.markdown).not.toContain('## Highlights');
      expect(clip.images).toHaveLength(1);
      const [first, second, third] = clip.highlights;
      expect(first).toMatchObject({
        id: 'hlriver1',
        comment: 'Check the *inner delta* chapter.',
        orphaned: false,
      });
      expect(clip.text.slice(first?.anchor.start, first?.anchor.end)).toBe(
        'The Niger bends north into the desert',
      );
      expect(second).toMatchObject({ id: 'hlriver2', orphaned: false });
      expect(third).toMatchObject({ id: 'hlriver3', orphaned: true });
      expect(codes(summary, 'Clipped article.md')).toEqual(['highlight_not_found']);
      expect((await notebook.findClip({ url: 'https://example.org/rivers' })).clip?.id).toBe('clipfixture1');
    });
  });

  it('reports what it could not import, and never reads outside the folder', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      const summary = await notebook.importMarkdown({ dir: vault });
      expect(codes(summary, 'Latin-1 note.md')).toEqual(['not_utf8']);
      expect(codes(summary, 'Huge.md')).toEqual(['too_large']);
      expect(codes(summary, 'Broken.md')).toEqual(['bad_front_matter']);
      expect(codes(summary, 'Secret.md')).toEqual(['outside_folder']);
      // A link to a file inside the folder is skipped quietly: the file itself is imported.
      expect(codes(summary, 'Welcome again.md')).toEqual([]);
      expect(codes(summary, 'Case/Note.md')).toEqual(['name_collision']);
      expect(codes(summary, 'Case/note.md')).toEqual(['name_collision']);
      expect(codes(summary, 'Welcome.md').sort()).toEqual(['missing_attachment', 'unresolved_link']);
      expect(summary.problems.find((p) => p.code === 'unresolved_link')?.message).toContain(
        '[[Missing note]]',
      );
      expect(summary.skipped).toBe(2);
      const search = await notebook.search({ query: 'Outside the vault', limit: 20, offset: 0 });
      expect(search.total).toBe(0);
      expect((await items(notebook)).some((item) => item.title === 'Never imported')).toBe(false);
    });
  });

  it('changes nothing when the same folder is imported again', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      await notebook.importMarkdown({ dir: vault });
      const before = await items(notebook);
      const rev = (await notebook.getLibraryInfo({})).rev;
      const again = await notebook.importMarkdown({ dir: vault });
      expect(again.created).toBe(0);
      expect(again.merged).toBe(0);
      expect(again.items.map((item) => item.outcome)).toEqual(Array(9).fill('skipped'));
      expect(again.highlights).toBe(0);
      expect((await notebook.getLibraryInfo({})).rev).toBe(rev);
      expect(await items(notebook)).toEqual(before);
    });
  });

  it('merges new tags and highlights into an item already in the library', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      await notebook.importMarkdown({ dir: vault });
      const file = path.join(vault, 'Clipped article.md');
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(
        file,
        text
          .replace('  - rivers\n', '  - rivers\n  - floods\n')
          .replace('^hlriver3', '^hlriver3\n\n> turning south again\n\n^hlriver4'),
      );
      const summary = await notebook.importMarkdown({ dir: vault });
      expect(summary.items.find((item) => item.id === 'clipfixture1')?.outcome).toBe('merged');
      expect(summary.merged).toBe(1);
      expect(summary.highlights).toBe(1);
      const clip = asClip(await notebook.getItem({ id: 'clipfixture1' }));
      expect(clip.tags).toEqual(['sahel', 'rivers', 'floods']);
      expect(clip.highlights.map((h) => h.id)).toEqual(['hlriver1', 'hlriver4', 'hlriver2', 'hlriver3']);
    });
  });

  it('keeps an id only when the library does not use it for something else', async () => {
    const dir = await makeTempDir('commonplace-vault-');
    await withTempLibrary(async ({ notebook }) => {
      const note = await notebook.createNote({ title: 'Already here', body: 'Mine.', tags: [] });
      await fs.writeFile(path.join(dir, 'a.md'), `---\nid: ${note.id}\ntitle: Other text\n---\nTheirs.\n`);
      await fs.writeFile(path.join(dir, 'b.md'), '---\nid: "not valid!"\n---\nB.\n');
      await fs.writeFile(
        path.join(dir, 'c.md'),
        `---\ntype: clip\nid: ${note.id}\nurl: https://example.com/x\n---\nC.\n`,
      );
      await fs.writeFile(path.join(dir, 'd.md'), '---\nid: shared01\n---\nD.\n');
      await fs.writeFile(path.join(dir, 'e.md'), '---\nid: shared01\n---\nE.\n');
      const summary = await notebook.importMarkdown({ dir });
      expect(summary.items.find((item) => item.source === 'a.md')).toMatchObject({
        id: note.id,
        outcome: 'skipped',
      });
      expect(codes(summary, 'a.md')).toEqual(['kept_library_version']);
      expect(asNote(await notebook.getItem({ id: note.id })).body).toBe('Mine.');
      expect(codes(summary, 'b.md')).toEqual(['bad_id']);
      expect(summary.items.find((item) => item.source === 'c.md')?.id).not.toBe(note.id);
      expect(codes(summary, 'c.md')).toEqual(['id_taken']);
      expect(summary.items.find((item) => item.source === 'd.md')?.id).toBe('shared01');
      expect(summary.items.find((item) => item.source === 'e.md')?.id).not.toBe('shared01');
      expect(codes(summary, 'e.md')).toEqual(['duplicate_id']);
      expect(summary.created).toBe(4);
    });
  });

  it('reports progress while it goes', async () => {
    const { vault } = await vaultCopy();
    await withTempLibrary(async ({ notebook }) => {
      const events: NotebookEvent[] = [];
      const stop = notebook.onEvent((event) => events.push(event));
      await notebook.importMarkdown({ dir: vault });
      stop();
      const progress = events.filter((e) => e.type === 'progress' && e.job === 'import');
      expect(progress.length).toBeGreaterThanOrEqual(2);
      expect(progress).toContainEqual(expect.objectContaining({ done: 11, total: 11 }));
      expect(progress.at(-1)).toMatchObject({ done: 9, total: 9, message: 'Imported' });
    });
  });

  it('refuses a folder that is not there', async () => {
    await withTempLibrary(async ({ notebook }) => {
      await expect(notebook.importMarkdown({ dir: '/nonexistent/commonplace-vault' })).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
