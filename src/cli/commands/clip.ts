import type { ClipResult } from '../../shared/types';
import { decodeHtml } from '../../core/clipper/charset';
import type { Command, CommandContext } from '../command';
import { call } from '../library';
import { readHtmlBytes } from '../read-html';
import { flag, stringList, stringOption } from '../option-values';
import { displayTitle, emit } from '../output';
import { UsageError } from '../usage-error';
import { showProgress } from '../progress-line';

const NAME = 'clip';

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
      const stopProgress = showProgress(context, (listener) => notebook.onEvent(listener), 'clip');
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
  const bytes = await readHtmlBytes(context, source);
  return { html: decodeHtml(bytes, null), ...(url === undefined ? {} : { url }) };
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
