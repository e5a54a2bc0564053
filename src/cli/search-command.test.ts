import { mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../shared/types';
import { snippetText } from './commands/search';
import { main } from './index';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], stdin?: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main([...args, '--library', library], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: {},
    stdin: Readable.from(stdin === undefined ? [] : [Buffer.from(stdin)]),
  });
  return { code, stdout, stderr };
}

async function json(...args: string[]): Promise<Record<string, unknown>> {
  const result = await run([...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const RESULT_KEYS = ['hits', 'index', 'query', 'tookMs', 'total'];
const HIT_KEYS = ['id', 'matches', 'score', 'snippet', 'tags', 'title', 'type', 'updated'];

let dir: string;
let library: string;
let ids: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'commonplace-cli-search-'));
  library = join(dir, 'library');
  ids = [];
  for (const [title, body] of [
    ['Timbuktu manuscripts', 'The Ahmed Baba institute keeps the manuscripts & their <bindings>.'],
    ['Market day', 'Manuscripts were sold in the Mopti market.'],
  ] as const) {
    const note = await json('note', 'new', '--title', title, '--body', body, '--tag', 'sahel');
    ids.push(note.id as string);
  }
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('commonplace search', () => {
  it('prints a SearchResult with --json', async () => {
    const result = (await json('search', 'ahmed', 'baba')) as unknown as SearchResult;
    expect(Object.keys(result).sort()).toEqual(RESULT_KEYS);
    expect(result).toMatchObject({
      query: 'ahmed baba',
      total: 1,
      index: { state: 'ready', done: 2, total: 2 },
    });
    expect(Object.keys(result.hits[0] ?? {}).sort()).toEqual(expect.arrayContaining(HIT_KEYS));
    expect(result.hits[0]).toMatchObject({
      id: ids[0],
      type: 'note',
      title: 'Timbuktu manuscripts',
      tags: ['sahel'],
    });

    const page = (await json(
      'search',
      'manuscripts',
      '--limit',
      '1',
      '--offset',
      '1',
    )) as unknown as SearchResult;
    expect(page.total).toBe(2);
    expect(page.hits).toHaveLength(1);
  });

  it('prints one line per hit, then the count and time, with matches in brackets off a terminal', async () => {
    const result = await run(['search', 'ahmed']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${ids[0]}  note  Timbuktu manuscripts  .*\\[Ahmed\\]`));
    expect(lines[1]).toMatch(/^1 result in [\d.]+ ms$/);
    expect(result.stdout).not.toContain('<mark>');
  });

  it('answers one query per line of stdin with --stdin --json, one SearchResult per line', async () => {
    const result = await run(['search', '--stdin', '--json'], 'ahmed\nmopti market\r\nnothing-here\n');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as SearchResult);
    expect(lines.map((r) => [r.query, r.total])).toEqual([
      ['ahmed', 1],
      ['mopti market', 1],
      ['nothing-here', 0],
    ]);
    for (const line of lines) expect(Object.keys(line).sort()).toEqual(RESULT_KEYS);
  });

  it('waits for a rebuild before answering, with progress on stderr in text mode only', async () => {
    for (const name of await readdir(join(library, 'index'), { recursive: true })) {
      await writeFile(join(library, 'index', name), 'damaged').catch(() => undefined);
    }
    const text = await run(['search', 'manuscripts']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('Search index ready (2 items)');
    expect(text.stdout).toMatch(/^2 results in/m);
    // The rebuilt index was saved: the next command loads it quietly.
    const again = await run(['search', 'manuscripts']);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^2 results in/m);
  });

  it('refuses a missing query, or a query with --stdin (usage errors)', async () => {
    expect((await run(['search'])).code).toBe(2);
    const both = await run(['search', 'x', '--stdin', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout)).toMatchObject({ error: { code: 'invalid_argument' } });
    expect((await run(['search', 'x', '--limit', '0'])).code).toBe(2);
  });
});

describe('snippets on a terminal', () => {
  it('turn marks into bold or brackets and decode entities', () => {
    const snippet = '…the <mark>Ahmed</mark> &amp; <mark>Baba</mark>\n&lt;institute&gt; &#39;x&#x27;';
    expect(snippetText(snippet, false)).toBe("…the [Ahmed] & [Baba] <institute> 'x'");
    expect(snippetText(snippet, true)).toBe(
      "…the \x1b[1mAhmed\x1b[22m & \x1b[1mBaba\x1b[22m <institute> 'x'",
    );
  });
});
