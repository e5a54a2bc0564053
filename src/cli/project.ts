/**
 * Finds the Commonplace project folder (the one whose package.json is named "commonplace") by
 * walking up from this file, so the same code works from src/cli under tsx and from the
 * bundled out/cli/index.cjs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface PackageInfo {
  root: string;
  version: string;
}

let cached: PackageInfo | null | undefined;

export function findProject(): PackageInfo | null {
  if (cached !== undefined) return cached;
  cached = null;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const pkg = readPackage(join(dir, 'package.json'));
    if (pkg?.name === 'commonplace') {
      cached = { root: dir, version: typeof pkg.version === 'string' ? pkg.version : 'unknown' };
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return cached;
}

/** The built renderer the server serves, or undefined when the project folder is not found. */
export function rendererDir(): string | undefined {
  const project = findProject();
  return project === null ? undefined : join(project.root, 'out', 'renderer');
}

export function version(): string {
  return findProject()?.version ?? 'unknown';
}

function readPackage(file: string): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}
