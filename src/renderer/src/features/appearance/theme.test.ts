// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoredAppearance, readingFont, theme } from './theme';

const root = document.documentElement;

afterEach(() => {
  localStorage.clear();
  delete root.dataset.theme;
  delete root.dataset.readingFont;
});

describe('appearance', () => {
  it('puts a chosen theme on the root and remembers it; the system one leaves no trace', () => {
    theme.set('dark');
    expect(root.dataset.theme).toBe('dark');
    delete root.dataset.theme;
    applyStoredAppearance();
    expect(root.dataset.theme).toBe('dark');

    theme.set('system');
    expect(root.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('commonplace.theme')).toBeNull();
    applyStoredAppearance();
    expect(root.dataset.theme).toBeUndefined();
  });

  it('keeps the reading type apart from the colours', () => {
    readingFont.set('sans');
    expect(root.getAttribute('data-reading-font')).toBe('sans');
    expect(root.dataset.theme).toBeUndefined();
    readingFont.set('serif');
    expect(root.hasAttribute('data-reading-font')).toBe(false);
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('commonplace.theme', 'sepia');
    localStorage.setItem('commonplace.reading-font', 'comic');
    applyStoredAppearance();
    expect(root.dataset.theme).toBeUndefined();
    expect(root.dataset.readingFont).toBeUndefined();
  });
});
