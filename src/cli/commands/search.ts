import type { SearchResult } from '../../shared/types';
import { toErrorInfo } from '../../shared/errors';
import type { Notebook } from '../../core';
import type { Command, CommandContext } from '../command';
import { call } from '../library';
import { flag, integerOption } from '../option-values';
import { displayTitle, plural, truncate, writeJson, writeLine } from '../output';
import { UsageError } from '../usage-error';
import { showProgress } from '../progress-line';
import { readLines } from '../read-lines';

const NAME = 'search';
const MAX_LIMIT = 200;
const MAX_OFFSET = 10_000;

export const search: Command = {
  words: ['search'],
  summary: 'Search notes and clips: best matches first, with the matching passage.',
  usage: 'search QUERY... [--limit N] [--offset N] [--json] | search --stdin [--json]',
  details: [
    'QUERY            Words (the last one also matches as a prefix), "exact phrases", OR,',
    '                 tag:X, type:note|clip, site:example.org, author:NAME, before:2024-12-01,',
    '                 after:2024-11; -word or -tag:X excludes. A query that starts with "-"',
    '                 goes after `--` (options before it).',
    `--limit N        At most N results (1–${MAX_LIMIT}, default 20).`,
    `--offset N       Skip the first N results (0–${MAX_OFFSET}, default 0).`,
    '--stdin          Read one query per line from standard input; answer each in turn.',
    '--json           Print the SearchResult: { query, total, tookMs, index, hits }; with',
    '                 --stdin, one SearchResult (or { error }) per line of input.',
  ],
  options: {
    limit: { type: 'string' },
    offset: { type: 'string' },
    stdin: { type: 'boolean' },
  },
  positionals: { min: 0, max: Number.MAX_SAFE_INTEGER },
  async run(context) {
    const fromStdin = flag(context.values, 'stdin');
    if (fromStdin && context.positionals.length > 0)
      throw new UsageError('Give a query, or --stdin, not both.', NAME);
    if (!fromStdin && context.positionals.length === 0)
      throw new UsageError('Say what to search for (or use --stdin).', NAME);
    const limit = integerOption(context.values, 'limit', NAME, 1, MAX_LIMIT);
    const offset = integerOption(context.values, 'offset', NAME, 0, MAX_OFFSET);
    const page = { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) };
    return context.withNotebook(async (notebook) => {
      await waitForIndex(context, notebook);
      const ask = (query: string): Promise<SearchResult> => call(notebook, 'search', { query, ...page });
      if (!fromStdin) {
        printResult(context, await ask(context.positionals.join(' ')), offset ?? 0, false);
        return 0;
      }
      let failed = false;
      for await (const query of readLines(context.io.stdin)) {
        try {
          printResult(context, await ask(query), offset ?? 0, true);
        } catch (error) {
          if (context.json) writeJson(context.io.stdout, { error: toErrorInfo(error) });
          else writeLine(context.io.stderr, `commonplace: ${toErrorInfo(error).message}`);
          failed = true;
        }
      }
      return failed ? 1 : 0;
    });
  },
};

/** A command opens the library itself: the index must be loaded (or rebuilt) before it can answer fully. */
async function waitForIndex(context: CommandContext, notebook: Notebook): Promise<void> {
  const stop = showProgress(context, (listener) => notebook.onEvent(listener), 'index', {
    endsWithoutTerminal: true,
  });
  try {
    await notebook.whenSearchReady();
  } finally {
    stop();
  }
}

function printResult(
  context: CommandContext,
  result: SearchResult,
  offset: number,
  withQuery: boolean,
): void {
  const { stdout, stderr } = context.io;
  if (context.json) return writeJson(stdout, result);
  if (result.index.state === 'building') {
    writeLine(
      stderr,
      `The search index is still being built (${result.index.done} of ${result.index.total} items): ` +
        'results may be incomplete.',
    );
  }
  const emphasis = (stdout as { isTTY?: boolean }).isTTY === true;
  const lines = result.hits.map(
    (hit) =>
      `${hit.id}  ${hit.type.padEnd(4)}  ${truncate(displayTitle(hit.title), 60)}  ${snippetText(hit.snippet, emphasis)}`,
  );
  if (withQuery) lines.unshift(`> ${result.query}`);
  const count = result.hits.length;
  const shown = count < result.total && count > 0 ? ` (showing ${offset + 1}–${offset + count})` : '';
  lines.push(`${plural(result.total, 'result')} in ${result.tookMs} ms${shown}`);
  writeLine(stdout, lines.join('\n'));
}

/** A snippet for a terminal: matches in bold (or [brackets] when not a terminal), entities decoded, on one line. */
export function snippetText(snippet: string, emphasis: boolean): string {
  const [open, close] = emphasis ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  return snippet
    .split(/(<\/?mark>)/)
    .map((part) =>
      part === '<mark>' ? open : part === '</mark>' ? close : decodeEntities(part).replace(/\s+/g, ' '),
    )
    .join('')
    .trim();
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
