import { describe, expect, it } from 'vitest';
import {
  appendLine,
  blockquote,
  highlightLink,
  noteFromHighlight,
  quoteForClipboard,
  quoteLine,
  shortQuote,
} from './highlight-text';

const highlight = {
  id: 'k3x9ab',
  anchor: { quote: 'Millet came down the river\non barges.', prefix: '', suffix: '', start: 0, end: 37 },
  comment: 'Check the 1972 figures.',
};

describe('highlight text', () => {
  it('shortens long quotes at a word, on one line', () => {
    expect(shortQuote('a  short\nquote')).toBe('a short quote');
    expect(shortQuote('one two three four five six', 14)).toBe('one two three…');
  });

  it('links to a highlight by its clip title, leaving out what would break the link', () => {
    expect(highlightLink('River trade', 'k3x9ab')).toBe('[[River trade#^k3x9ab]]');
    expect(highlightLink('A [draft] | #2', 'k3x9ab')).toBe('[[A draft 2#^k3x9ab]]');
    expect(highlightLink('  ', 'k3x9ab')).toBe('[[Untitled#^k3x9ab]]');
  });

  it('quotes every paragraph', () => {
    expect(blockquote('First.\n\nSecond.')).toBe('> First.\n>\n> Second.');
    expect(quoteForClipboard('Hi.', { title: 'Page', url: 'https://x.example/a' })).toBe(
      '> Hi.\n\n— [Page](https://x.example/a)',
    );
  });

  it('makes a note and a quote line from a highlight', () => {
    expect(quoteLine(highlight, 'River trade')).toBe(
      '> Millet came down the river on barges. [[River trade#^k3x9ab]]',
    );
    expect(noteFromHighlight(highlight, 'River trade')).toEqual({
      title: 'Millet came down the river on barges.',
      body: '> Millet came down the river\n>\n> on barges.\n\n— [[River trade#^k3x9ab]]\n\nCheck the 1972 figures.\n',
    });
    expect(noteFromHighlight({ ...highlight, comment: ' ' }, 'River trade').body).toBe(
      '> Millet came down the river\n>\n> on barges.\n\n— [[River trade#^k3x9ab]]\n',
    );
  });

  it('appends a line after a blank line', () => {
    expect(appendLine('', '> q')).toBe('> q\n');
    expect(appendLine('Notes\n\n', '> q')).toBe('Notes\n\n> q\n');
  });
});
