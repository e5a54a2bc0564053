/** The read-it-later export fixtures under tests/fixtures/read-later, for tests. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';

export const READ_LATER_FIXTURES = resolve(__dirname, '../../../../tests/fixtures/read-later');

export function readLaterFixture(name: string): string {
  return readFileSync(join(READ_LATER_FIXTURES, name), 'utf8');
}

/** The Omnivore fixture folder zipped, as Omnivore mailed its export. */
export function omnivoreZip(): Uint8Array {
  const root = join(READ_LATER_FIXTURES, 'omnivore');
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split('\\').join('/')] = readFileSync(path);
    }
  };
  walk(root);
  return zipSync(files);
}
