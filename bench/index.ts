/**
 * `npm run bench [-- --json] [--sizes 1000,10000,50000] [--suites store,clip,search,links] [--shards N]`:
 * runs every suite (or those named) at every size and prints a table (or the same figures as JSON).
 * Each suite's memory figures are cleanest in a process of its own (`--suites search`). Data lives
 * under the system temp folder and is removed once every suite has run (see scratch.ts).
 */
import { parseArgs } from 'node:util';
import { tuneHeap } from '../src/core/heap';
import { DEFAULT_SHARDS } from '../src/core/library-file';
import { removeScratchDirs } from './scratch';
import { clipSuite } from './suites/clip';
import { linksSuite } from './suites/links';
import { searchSuite } from './suites/search';
import { storeSuite } from './suites/store';
import { transferSuite } from './suites/transfer';
import type { Suite } from './suites/suite';

// Adding a suite is adding it here.
const suites: Suite[] = [storeSuite, clipSuite, searchSuite, linksSuite, transferSuite];

interface Result {
  suite: string;
  size: number;
  figures: Record<string, number>;
}

async function main(): Promise<void> {
  // As the app does (heap.ts).
  tuneHeap();
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      sizes: { type: 'string', default: '1000,10000,50000' },
      suites: { type: 'string' },
      shards: { type: 'string' },
    },
  });
  const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`--sizes takes whole numbers, like 1000,10000`);
  const shards = values.shards === undefined ? DEFAULT_SHARDS : Number(values.shards);
  if (!Number.isInteger(shards) || shards < 1) throw new Error('--shards takes a whole number, like 256');

  const names = values.suites?.split(',').map((name) => name.trim());
  const unknown = names?.find((name) => !suites.some((suite) => suite.name === name));
  if (unknown !== undefined)
    throw new Error(
      `--suites takes some of ${suites.map((suite) => suite.name).join(', ')}; not "${unknown}"`,
    );
  const chosen = names === undefined ? suites : suites.filter((suite) => names.includes(suite.name));

  const results: Result[] = [];
  try {
    for (const suite of chosen) {
      for (const size of sizes) {
        if (!values.json) process.stderr.write(`${suite.name} at ${size} items…\n`);
        const figures = await suite.run(size, { shards });
        results.push({
          suite: suite.name,
          size,
          figures: Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, round(value)])),
        });
      }
    }
  } finally {
    await removeScratchDirs();
  }
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ node: process.version, platform: process.platform, shards, results }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${shards} shards, Node ${process.version}\n`);
    for (const suite of chosen)
      printTable(
        suite,
        results.filter((result) => result.suite === suite.name),
      );
  }
}

function printTable(suite: Suite, results: Result[]): void {
  const header = ['items', ...suite.columns];
  const rows = results.map((result) => [
    String(result.size),
    ...suite.columns.map((column) => format(result.figures[column])),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  process.stdout.write(
    `\n${suite.name} (milliseconds unless noted)\n${line(header)}\n${rows.map(line).join('\n')}\n`,
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function format(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '-';
  return value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
