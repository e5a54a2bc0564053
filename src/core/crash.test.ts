import { describe, expect, it } from 'vitest';
import { runScript } from '../../tests/helpers/children';
import { crashNoteBody } from '../../tests/helpers/crash-notes';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { createNotebook } from './notebook';
import { asNote } from '../../tests/helpers/items';

// Problems an interrupted save may leave behind; anything else means an acknowledged save was not durable.
const HARMLESS = new Set(['orphan_body', 'leftover_tmp']);

describe('crash safety', () => {
  it('keeps every acknowledged save when the writer is killed mid-stream', async () => {
    const dir = await makeTempDir();
    for (const killAfter of [60, 150]) {
      const writer = runScript('crash-writer.ts', [dir]);
      let acknowledged = 0;
      await writer.waitForLine(() => ++acknowledged >= killAfter);
      writer.child.kill('SIGKILL');
      await writer.exited;

      const notebook = await createNotebook({ dir });
      try {
        const created = new Map<string, number>();
        const updated = new Set<string>();
        for (const line of writer.lines) {
          const [kind, id, index] = line.split(' ');
          if (kind === 'created') created.set(id!, Number(index));
          if (kind === 'updated') updated.add(id!);
        }
        expect(created.size).toBeGreaterThan(0);
        for (const [id, index] of created) {
          const note = await notebook.getItem({ id });
          expect(note.title).toBe(`Note ${index}`);
          // An edit in flight at the kill may or may not have landed; an acknowledged one must have.
          const allowed = updated.has(id)
            ? [crashNoteBody(index, 2)]
            : [crashNoteBody(index, 1), crashNoteBody(index, 2)];
          expect(allowed).toContain(asNote(note).body);
        }
        const report = await notebook.checkLibrary({});
        expect(report.problems.filter((problem) => !HARMLESS.has(problem.code))).toEqual([]);
        expect(report.checked.items).toBeGreaterThanOrEqual(created.size);
      } finally {
        await notebook.close();
      }
    }
  });
});
