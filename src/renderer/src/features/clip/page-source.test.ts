import { describe, expect, it } from 'vitest';
import { NotebookError } from '@shared/errors';
import { clipFailure } from './clip-failure';
import { droppedAddress, readPaste, savedFromAddress, typedAddress } from './page-source';

const clipboard = (data: Record<string, string>) => ({ getData: (type: string) => data[type] ?? '' });

describe('reading what is given to the clip dialog', () => {
  it('adds https:// to an address typed without it, and leaves the rest alone', () => {
    expect(typedAddress('  example.org/story?id=1 ')).toBe('https://example.org/story?id=1');
    expect(typedAddress('http://example.org')).toBe('http://example.org');
    expect(typedAddress('not an address')).toBe('not an address');
  });

  it('takes a copied link as an address and a copied selection as HTML', () => {
    expect(readPaste(clipboard({ 'text/plain': 'https://example.org/a' }))).toEqual({
      kind: 'url',
      url: 'https://example.org/a',
    });
    expect(
      readPaste(clipboard({ 'text/plain': 'https://example.org/a', 'text/html': '<a href="x">x</a>' })),
    ).toEqual({ kind: 'url', url: 'https://example.org/a' });
    expect(readPaste(clipboard({ 'text/plain': 'Some words', 'text/html': '<p>Some words</p>' }))).toEqual({
      kind: 'html',
      html: '<p>Some words</p>',
    });
    expect(readPaste(clipboard({ 'text/plain': 'just text' }))).toBeNull();
    const copiedLink = '<meta charset="utf-8"><a href="https://example.org/a?x=1&amp;y=2">A story</a>';
    expect(readPaste(clipboard({ 'text/plain': 'A story', 'text/html': copiedLink }))).toEqual({
      kind: 'url',
      url: 'https://example.org/a?x=1&y=2',
    });
  });

  it('takes the first address of a dragged link', () => {
    expect(droppedAddress('# a comment\r\nhttps://example.org/a\r\nhttps://example.org/b')).toBe(
      'https://example.org/a',
    );
    expect(droppedAddress('file:///etc/passwd')).toBeNull();
  });

  it('finds the address a browser wrote into a saved page', () => {
    const saved = '<!DOCTYPE html>\n<!-- saved from url=(0027)https://example.org/story -->\n<html>';
    expect(savedFromAddress(saved)).toBe('https://example.org/story');
    expect(savedFromAddress('<html><body>no comment</body></html>')).toBeNull();
  });

  it('says each failure as a sentence', () => {
    expect(clipFailure(new NotebookError('fetch_failed', 'not found (HTTP 404)')).message).toBe(
      'Not found (HTTP 404).',
    );
    expect(clipFailure(new NotebookError('timeout', 'timed out after 20 s')).message).toBe(
      'The page took too long to answer.',
    );
    expect(clipFailure(new NotebookError('not_article', 'x'))).toEqual({
      code: 'not_article',
      message: 'No article found on this page.',
    });
  });
});
