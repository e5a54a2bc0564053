import { NotebookError, toErrorInfo, type ErrorInfo } from '../../shared/errors';
import { parseHttpUrl } from '../../core/clipper/canonical-url';
import { decodeHtml } from '../../core/clipper/charset';
import type { Extracted } from '../../core/clipper/extract';
import { createExtractor, type Extractor } from '../../core/clipper/extractor';
import { fetchPage } from '../../core/clipper/fetch-page';
import type { Command, CommandContext } from '../command';
import { flag, stringOption } from '../option-values';
import { plural, writeJson, writeLine } from '../output';
import { readHtmlBytes } from '../read-html';
import { UsageError } from '../usage-error';

const NAME = 'extract';
/** Pages read or fetched ahead of the one being extracted. */
const READ_AHEAD = 4;

/** One line of `--json` output: the input and what was extracted from it, or why it failed. */
export type ExtractLine =
  ({ input: string } & Omit<Extracted, 'suggestedTags'>) | { input: string; error: ErrorInfo };

interface Page {
  html: string;
  url: string | null;
}

export const extract: Command = {
  words: ['extract'],
  summary: 'Print the article of web pages or saved .html files, without touching any library.',
  usage: 'extract URL|FILE.html|-... [--url URL] [--page] [--json]',
  details: [
    'URL              An http(s) address: the page is fetched (images are not).',
    'FILE.html        A saved page, decoded by its byte order mark or <meta charset>; "-" reads standard input.',
    "--url URL        The page's address, for a single file or standard input (resolves links and images).",
    '--page           Keep the whole page, simplified, instead of finding the article in it.',
    '--json           One JSON object per input per line, in input order: { input, title, authors, siteName,',
    '                 published, lang, canonicalUrl, excerpt, text, markdown, html, images, citation },',
    '                 or { input, error: { code, message } }. Exit code 1 when any input failed.',
  ],
  options: { url: { type: 'string' }, page: { type: 'boolean' } },
  positionals: { min: 1, max: Number.MAX_SAFE_INTEGER },
  async run(context) {
    const inputs = context.positionals;
    const url = stringOption(context.values, 'url');
    if (url !== undefined) {
      if (inputs.length > 1)
        throw new UsageError('--url is for a single input; it cannot name the address of several.', NAME);
      if (isAddress(inputs[0] ?? ''))
        throw new UsageError('--url is only for a file or standard input.', NAME);
      if (parseHttpUrl(url) === null)
        throw new UsageError(`--url must be an http or https address, not "${url}".`, NAME);
    }
    if (inputs.filter((input) => input === '-').length > 1)
      throw new UsageError('Standard input ("-") can be read only once.', NAME);
    const mode = flag(context.values, 'page') ? 'page' : 'article';
    // In-process: a batch has no event loop to keep responsive, and no copying to a thread is faster.
    const extractor = createExtractor({ inWorker: false });
    let failed = 0;
    try {
      const loads = inputs.map(() => null as Promise<Page> | null);
      const load = (index: number): Promise<Page> | null => {
        const input = inputs[index];
        if (input === undefined) return null;
        loads[index] ??= loadPage(context, input, url ?? null);
        return loads[index];
      };
      for (let index = 0; index < inputs.length; index += 1) {
        for (let ahead = index; ahead < index + READ_AHEAD; ahead += 1) load(ahead)?.catch(() => undefined);
        const input = inputs[index] ?? '';
        const line = await extractOne(extractor, input, load(index), mode);
        loads[index] = null;
        if ('error' in line) failed += 1;
        report(context, line);
      }
    } finally {
      await extractor.close();
    }
    return failed > 0 ? 1 : 0;
  },
};

async function extractOne(
  extractor: Extractor,
  input: string,
  page: Promise<Page> | null,
  mode: 'article' | 'page',
): Promise<ExtractLine> {
  try {
    if (page === null) throw new NotebookError('internal', 'Nothing to read.');
    const { html, url } = await page;
    const { suggestedTags: _tags, ...extracted } = await extractor.extract({ html, url, mode });
    return { input, ...extracted };
  } catch (error) {
    return { input, error: toErrorInfo(error) };
  }
}

function report(context: CommandContext, line: ExtractLine): void {
  if ('error' in line) {
    if (context.json) writeJson(context.io.stdout, line);
    writeLine(context.io.stderr, `commonplace: ${line.input}: ${line.error.message}`);
    return;
  }
  if (context.json) writeJson(context.io.stdout, line);
  else writeLine(context.io.stdout, summary(line));
}

function summary(line: Exclude<ExtractLine, { error: ErrorInfo }>): string {
  const facts = [line.authors.join(', '), line.siteName ?? '', line.published ?? '', line.lang ?? ''].filter(
    (fact) => fact !== '',
  );
  const words = line.text.split(/\s+/).filter((word) => word !== '').length;
  return [
    line.input,
    `  ${line.title === '' ? '(untitled)' : line.title}`,
    ...(facts.length === 0 ? [] : [`  ${facts.join(' · ')}`]),
    ...(line.canonicalUrl === null ? [] : [`  ${line.canonicalUrl}`]),
    `  ${plural(words, 'word')} · ${plural(line.images.length, 'image')}`,
  ].join('\n');
}

function isAddress(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

async function loadPage(context: CommandContext, input: string, url: string | null): Promise<Page> {
  if (isAddress(input)) {
    const fetched = await fetchPage(input);
    return { html: decodeHtml(fetched.bytes, fetched.contentType), url: fetched.url };
  }
  const bytes = await readHtmlBytes(context, input);
  return { html: decodeHtml(bytes, null), url };
}
