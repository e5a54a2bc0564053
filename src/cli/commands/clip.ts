import { readFile, stat } from 'node:fs/promises';
import { MAX_CLIP_HTML_LENGTH } from '../../shared/api';
import { NotebookError } from '../../shared/errors';
import type { ClipResult, NotebookEvent } from '../../shared/types';
import { decodeHtml } from '../../core/clipper/charset';
import type { Command, CommandContext } from '../command';
import { call } from '../library';
import { flag, stringList, stringOption } from '../option-values';
import { displayTitle, emit } from '../output';
import { UsageError } from '../usage-error';

const NAME = 'clip';
const MAX_FILE_BYTES = MAX_CLIP_HTML_LENGTH;

export const clip: Command = {
  words: ['clip'],
  summary: 'Clip a web page (an address, a saved .html file, or HTML on standard input) into the library.',
  usage: 'clip URL|FILE.html|- [--url URL] [--tag TAG]... [--page] [--refresh] [--json]',
  details: [
    'URL              An http(s) address: the page is fetched, with its images.',
    'FILE.html        A saved page; "-" reads the HTML from standard input.',
    "--url URL        The page's address, for a file or standard input (resolves its links and images).",
    '--tag TAG        Add a tag; repeat for more.',
    '--page           Keep the whole page, simplified, instead of finding the article in it.',
    '--refresh        If the page is already clipped, replace its article (same id, tags kept).',
    '--json           Print the ClipResult: { clip, duplicate, refreshed }.',
  ],
  options: {
    url: { type: 'string' },
    tag: { type: 'string', multiple: true },
    page: { type: 'boolean' },
    refresh: { type: 'boolean' },
  },
  positionals: { min: 1, max: 1 },
  async run(context) {
    const source = context.positionals[0] ?? '';
    const given = await readSource(context, source);
    const result = await context.withNotebook(async (notebook) => {
      const stopProgress = showProgress(context, (listener) => notebook.onEvent(listener));
      try {
        return await call(notebook, 'clip', {
          ...given,
          tags: stringList(context.values, 'tag'),
          mode: flag(context.values, 'page') ? 'page' : 'article',
          refresh: flag(context.values, 'refresh'),
        });
      } finally {
        stopProgress();
      }
    });
    emit(context, result, () => renderResult(result));
    return 0;
  },
};

/** What to clip: an address to fetch, or HTML read from a file or stdin (with `--url` as its address). */
async function readSource(context: CommandContext, source: string): Promise<{ url?: string; html?: string }> {
  const url = stringOption(context.values, 'url');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    if (url !== undefined) throw new UsageError('--url is only for a file or standard input.', NAME);
    return { url: source };
  }
  const bytes = source === '-' ? await readStdin(context) : await readHtmlFile(source);
  return { html: decodeHtml(bytes, null), ...(url === undefined ? {} : { url }) };
}

async function readStdin(context: CommandContext): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_FILE_BYTES) throw tooLarge('The HTML on standard input');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readHtmlFile(file: string): Promise<Uint8Array> {
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) throw tooLarge(`The file ${file}`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    const hint =
      code === 'ENOENT' && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(file)
        ? ' To clip a web page, give its full address (https://…).'
        : '';
    throw new NotebookError('invalid_argument', `Cannot read the file ${file}: ${reason}.${hint}`);
  }
}

function tooLarge(what: string): NotebookError {
  return new NotebookError('too_large', `${what} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MiB.`);
}

/** On a terminal, one self-rewriting line on stderr while the clip is made; nothing otherwise. */
function showProgress(
  context: CommandContext,
  subscribe: (listener: (event: NotebookEvent) => void) => () => void,
): () => void {
  const stderr = context.io.stderr as { write(chunk: string): unknown; isTTY?: boolean };
  if (context.json || stderr.isTTY !== true) return () => undefined;
  let shown = false;
  const unsubscribe = subscribe((event) => {
    if (event.type !== 'progress' || event.job !== 'clip') return;
    stderr.write(`\r\x1b[2K${event.message}…`);
    shown = true;
  });
  return () => {
    unsubscribe();
    if (shown) stderr.write('\r\x1b[2K');
  };
}

function renderResult({ clip: item, duplicate, refreshed }: ClipResult): string {
  const name = `"${displayTitle(item.title)}"${item.siteName === null ? '' : ` (${item.siteName})`}`;
  const lines: string[] = [];
  if (duplicate) {
    lines.push(`${name} is already in your library: ${item.id}`);
    lines.push(
      item.deleted === null
        ? 'Nothing was fetched again; add --refresh to replace its article.'
        : `It is in the trash: \`commonplace restore ${item.id}\` brings it back.`,
    );
  } else {
    lines.push(`${refreshed ? 'Refreshed' : 'Clipped'} ${name}: ${item.id}`);
    const failed = item.images.filter((image) => image.asset === null).length;
    if (failed > 0) lines.push(`${failed} of ${item.images.length} images could not be kept.`);
  }
  return lines.join('\n');
}
