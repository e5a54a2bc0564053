// Opens a library and holds it until stdin closes: a second writer for lock tests.
// Usage: node --import tsx tests/helpers/hold-library.ts <library dir> <holder name>
import { createNotebook } from '../../src/core';

async function main(): Promise<void> {
  const [dir, holder] = process.argv.slice(2);
  if (!dir || !holder) throw new Error('usage: hold-library.ts <dir> <holder>');
  const notebook = await createNotebook({ dir, holder });
  process.stdout.write(`ready ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void notebook.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stdout.write(
    `error ${JSON.stringify({ code: (error as { code?: string }).code, message: (error as Error).message })}\n`,
  );
  process.exit(1);
});
