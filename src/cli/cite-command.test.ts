import { parseArgs } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CitationResult } from '../shared/types';
import { ARTICLE_URL, articleHtml } from '../core/highlights/article-fixture';
import { readBibtex } from '../core/citations/read-bibtex';
import { capturedIo, makeCliLibrary, type CliLibrary, type CliRun } from '../../tests/helpers/cli';
import type { CommandContext } from './command';
import { cite } from './commands/cite';
import { withNotebook } from './library';
import { reportError } from './report-error';

let cli: CliLibrary;
let clipId: string;
let noteId: string;

// `commonplace cite ARGS --library <library>`, parsed the way main() parses a command's line.
async function runCite(args: string[]): Promise<CliRun> {
  const { io, result } = capturedIo();
  const json = args.includes('--json');
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { json: { type: 'boolean' }, ...cite.options },
      strict: true,
      allowPositionals: true,
    });
    const context: CommandContext = {
      io,
      values,
      positionals,
      json,
      libraryDir: cli.library,
      holder: 'commonplace cite',
      withNotebook: (use) => withNotebook(cli.library, 'commonplace cite', use),
    };
    return result(await cite.run(context));
  } catch (error) {
    return result(reportError(io, error, json, cite));
  }
}

beforeEach(async () => {
  cli = await makeCliLibrary('commonplace-cli-cite-');
  const head =
    '<meta name="author" content="Mariam Traoré"><meta name="citation_publication_date" content="2024-02-11">';
  const html = articleHtml().replace('</head>', `${head}</head>`);
  const clipped = await cli.run(['clip', '-', '--url', ARTICLE_URL, '--json'], { stdin: html });
  expect(clipped.code).toBe(0);
  clipId = (JSON.parse(clipped.stdout) as { clip: { id: string } }).clip.id;
  const note = await cli.run(['note', 'new', '--title', 'Notes on granaries', '--json']);
  expect(note.code).toBe(0);
  noteId = (JSON.parse(note.stdout) as { id: string }).id;
});

describe('commonplace cite', () => {
  it('prints BibTeX by default, one entry per id in the order given', async () => {
    const run = await runCite([noteId, clipId]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const entries = readBibtex(run.stdout);
    expect(entries.map((entry) => [entry.type, entry.key])).toEqual([
      ['misc', expect.stringMatching(/^notes\d{4}granaries$/)],
      ['online', 'traore2024granaries'],
    ]);
    expect(entries[1]?.raw).toMatchObject({ author: 'Traoré, Mariam', date: '2024-02-11', url: ARTICLE_URL });
    expect(run.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints CSL-JSON with --format csl-json, and the CitationResult with --json', async () => {
    const text = await runCite([clipId, '--format', 'CSL-JSON']);
    expect(text.code).toBe(0);
    const items = JSON.parse(text.stdout) as { id: string; type: string; URL: string }[];
    expect(items).toEqual([
      expect.objectContaining({ id: 'traore2024granaries', type: 'webpage', URL: ARTICLE_URL }),
    ]);

    const json = await runCite([clipId, noteId, '--format', 'csl-json', '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(json.stdout) as CitationResult;
    expect(Object.keys(result).sort()).toEqual(['format', 'keys', 'text']);
    expect(result.format).toBe('csl-json');
    expect(result.keys[clipId]).toBe('traore2024granaries');
    expect(result.keys[noteId]).toMatch(/^notes\d{4}granaries$/);
    expect(JSON.parse(result.text)).toHaveLength(2);
  });

  it('refuses an unknown format as a usage error and an unknown id as not found', async () => {
    const format = await runCite([clipId, '--format', 'ris']);
    expect(format.code).toBe(2);
    expect(format.stdout).toBe('');
    expect(format.stderr).toContain('--format must be bibtex or csl-json, not "ris".');

    const missing = await runCite([clipId, 'nosuchitem', '--json']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('"nosuchitem"') as unknown },
    });
  });
});
