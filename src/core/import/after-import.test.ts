import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../tests/helpers/call';
import { withTempLibrary } from '../../../tests/helpers/temp-library';
import { noteAssets } from '../item-record';

const FIXTURES = path.join(__dirname, '../../../tests/fixtures');

describe('the library after an import', () => {
  it('keeps the images imported notes show: the check finds no orphans, emptying the trash keeps them', async () => {
    await withTempLibrary(async ({ notebook, dir }) => {
      const summary = await call(notebook, 'importMarkdown', { dir: path.join(FIXTURES, 'vault') });
      expect(summary.attachments).toBeGreaterThan(0);
      const report = await call(notebook, 'checkLibrary', {});
      expect(report.problems.filter((p) => p.code === 'orphan_asset' || p.code === 'missing_asset')).toEqual(
        [],
      );

      // A clip with the same picture is trashed and purged: the note's copy stays.
      const welcome = summary.items.find((item) => item.source === 'Welcome.md');
      const note = await call(notebook, 'getItem', { id: welcome?.id ?? '' });
      const shown = noteAssets(note.type === 'note' ? note.body : '');
      expect(shown.length).toBeGreaterThan(0);
      const clips = summary.items.filter((item) => item.type === 'clip');
      for (const clip of clips) await call(notebook, 'trashItem', { id: clip.id });
      await call(notebook, 'emptyTrash', {});
      const after = await call(notebook, 'checkLibrary', {});
      expect(after.problems.filter((p) => p.code === 'missing_asset')).toEqual([]);
      for (const asset of shown) expect(existsSync(path.join(dir, asset))).toBe(true);
    });
  });

  it('knows the pages imported clips hold: clipping one again finds it', async () => {
    await withTempLibrary(async ({ notebook }) => {
      const file = path.join(FIXTURES, 'read-later', 'pocket.csv');
      // The URL index is built before the import, then must learn of the imported clips.
      expect(
        (await call(notebook, 'findClip', { url: 'https://example.com/granaries-of-djenne' })).clip,
      ).toBeNull();
      await call(notebook, 'importReadLater', { file, fetch: false });
      const found = await call(notebook, 'findClip', {
        url: 'https://example.com/granaries-of-djenne?utm_source=x',
      });
      expect(found.clip?.title).toBe('Granaries, mud and rain');
      const again = await call(notebook, 'clip', { url: 'https://example.com/granaries-of-djenne' });
      expect(again).toMatchObject({ duplicate: true, clip: { id: found.clip?.id } });
    });
  });
});

describe('noteAssets', () => {
  it('lists each library file a note body shows, once', () => {
    const a = `assets/${'a'.repeat(64)}.png`;
    const b = `assets/${'b'.repeat(64)}.jpg`;
    const body = `![x](${a}) and ![y](${b} "t") and again ${a}; not ../assets/${'c'.repeat(64)}.png nor assets/short.png`;
    expect(noteAssets(body)).toEqual([a, b]);
  });
});
