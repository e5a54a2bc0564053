// Whether Electron's binary is installed, found without triggering its download
// (requiring the `electron` package downloads it on first use since Electron 42).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ available: true, path: string } | { available: false, reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { available: false, reason: 'the electron package is not installed (run npm ci)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      available: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron has no path.txt)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(distDir, relative);
  return existsSync(binary)
    ? { available: true, path: binary }
    : { available: false, reason: `the Electron binary is missing (${relative} not in its dist folder)` };
}
