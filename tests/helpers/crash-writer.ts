// Saves notes as fast as it can and prints each one once acknowledged, until it is killed.
// Four loops run at once so saves overlap across shards. Each loop creates a note, then edits it.
// Output lines: `created <id> <index>` and `updated <id> <index>`.
// Usage: node --import tsx tests/helpers/crash-writer.ts <library dir>
import { createNotebook } from '../../src/core';
import { crashNoteBody } from './crash-notes';

const LOOPS = 4;

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: crash-writer.ts <dir>');
  const notebook = await createNotebook({ dir, holder: 'the crash test writer' });
  let next = 0;
  const loop = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      const note = await notebook.createNote({
        title: `Note ${index}`,
        body: crashNoteBody(index, 1),
        tags: ['crash/test'],
      });
      process.stdout.write(`created ${note.id} ${index}\n`);
      await notebook.updateNote({ id: note.id, body: crashNoteBody(index, 2) });
      process.stdout.write(`updated ${note.id} ${index}\n`);
    }
  };
  await Promise.all(Array.from({ length: LOOPS }, loop));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
