/** HTML given to `clip` and `extract` as a saved file or on standard input, within the clip size limit. */
import { readFile, stat } from 'node:fs/promises';
import { MAX_CLIP_HTML_LENGTH } from '../shared/api';
import { NotebookError } from '../shared/errors';
import type { CommandContext } from './command';

/** The bytes of `source`: a file, or standard input for `-`. Too large, missing or unreadable: a NotebookError. */
export function readHtmlBytes(context: CommandContext, source: string): Promise<Uint8Array> {
  return source === '-' ? readStdin(context) : readHtmlFile(source);
}

async function readStdin(context: CommandContext): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of context.io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_CLIP_HTML_LENGTH) throw tooLarge('The HTML on standard input');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readHtmlFile(file: string): Promise<Uint8Array> {
  try {
    if ((await stat(file)).size > MAX_CLIP_HTML_LENGTH) throw tooLarge(`The file ${file}`);
    return await readFile(file);
  } catch (error) {
    if (error instanceof NotebookError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    // `example.org/page` is an address without its scheme more often than a file.
    const hint =
      code === 'ENOENT' && /^[\w-]+(\.[\w-]+)+(\/|$)/.test(file)
        ? ' To read a web page, give its full address (https://…).'
        : '';
    throw new NotebookError('invalid_argument', `Cannot read the file ${file}: ${reason}.${hint}`);
  }
}

function tooLarge(what: string): NotebookError {
  return new NotebookError('too_large', `${what} is larger than ${MAX_CLIP_HTML_LENGTH / 1_000_000} MB.`);
}
