/** Standard input as lines, for commands that take one request per line. */
import { StringDecoder } from 'node:string_decoder';

/** Each line without its `\n` (or `\r\n`); a last line without a newline counts, an empty end does not. */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let end: number;
    while ((end = rest.indexOf('\n')) !== -1) {
      yield rest.slice(0, end).replace(/\r$/, '');
      rest = rest.slice(end + 1);
    }
  }
  rest += decoder.end();
  if (rest !== '') yield rest.replace(/\r$/, '');
}
