import { writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SearchResult } from '../shared/types';
import { makeCliLibrary, type CliLibrary } from '../../tests/helpers/cli';
import { snippetText } from './commands/search';

const RESULT_KEYS = ['hits', 'index', 'query', 'tookMs', 'total'];
const HIT_KEYS = ['id', 'matches', 'score', 'snippet', 'tags', 'title', 'type', 'updated'];

let cli: CliLibrary;
let ids: string[];

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-search-');
  ids = [];
  for (const [title, body] of [
    ['Timbuktu manuscripts', 'The Ahmed Baba institute keeps the manuscripts & their <bindings>.'],
    ['Market day', 'Manuscripts were sold in the Mopti market.'],
  ] as const) {
    const note = await cli.json('note', 'new', '--title', title, '--body', body, '--tag', 'sahel');
    ids.push(note.id as string);
  }
});

describe('commonplace search', () => {
  it('prints a SearchResult with --json', async () => {
    const result = (await cli.json('search', 'ahmed', 'baba')) as unknown as SearchResult;
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

    const page = (await cli.json(
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
    const result = await cli.run(['search', 'ahmed']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${ids[0]}  note  Timbuktu manuscripts  .*\\[Ahmed\\]`));
    expect(lines[1]).toMatch(/^1 result in [\d.]+ ms$/);
    expect(result.stdout).not.toContain('<mark>');
  });

  it('answers one query per line of stdin with --stdin --json, one SearchResult per line', async () => {
    const result = await cli.run(['search', '--stdin', '--json'], {
      stdin: 'ahmed\nmopti market\r\nnothing-here\n',
    });
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
    for (const name of await readdir(join(cli.library, 'index'), { recursive: true })) {
      await writeFile(join(cli.library, 'index', name), 'damaged').catch(() => undefined);
    }
    const text = await cli.run(['search', 'manuscripts']);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('Search index ready (2 items)');
    expect(text.stdout).toMatch(/^2 results in/m);
    // The rebuilt index was saved: the next command loads it quietly.
    const again = await cli.run(['search', 'manuscripts']);
    expect(again.stderr).toBe('');
    expect(again.stdout).toMatch(/^2 results in/m);
  });

  it('refuses a missing query, or a query with --stdin (usage errors)', async () => {
    expect((await cli.run(['search'])).code).toBe(2);
    const both = await cli.run(['search', 'x', '--stdin', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout)).toMatchObject({ error: { code: 'invalid_argument' } });
    expect((await cli.run(['search', 'x', '--limit', '0'])).code).toBe(2);
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
