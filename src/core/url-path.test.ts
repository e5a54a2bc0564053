import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeRelativePath } from './url-path';

describe('safeRelativePath', () => {
  it('keeps plain segments, decoded', () => {
    expect(safeRelativePath('/assets/index-B1x2.js')).toBe(`assets${sep}index-B1x2.js`);
    expect(safeRelativePath('/assets/my%20file.css')).toBe(join('assets', 'my file.css'));
  });

  it('refuses dot segments, empty segments, smuggled separators and bad escapes', () => {
    for (const path of [
      '',
      'relative',
      '/',
      '/..',
      '/../x',
      '/%2e%2e/x',
      '/a/./b',
      '/a//b',
      '/a/..',
      '/..%2fx',
      '/a%2fb',
      '/a%5c..%5cx',
      '/a%00',
      '/%E0%A4%A',
      '/c:',
      '/c:/x',
    ]) {
      expect(safeRelativePath(path), path).toBeNull();
    }
  });
});
