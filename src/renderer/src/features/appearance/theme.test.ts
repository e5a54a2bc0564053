// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { applyStoredTheme, setTheme } from './theme';

afterEach(() => {
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});

describe('theme', () => {
  it('puts a chosen theme on the root and remembers it; the system one leaves no trace', () => {
    setTheme('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    delete document.documentElement.dataset.theme;
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');

    setTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('commonplace.theme')).toBeNull();
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('commonplace.theme', 'sepia');
    applyStoredTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
