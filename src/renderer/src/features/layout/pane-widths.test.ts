// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { clampWidth, storedWidths } from './pane-widths';

afterEach(() => localStorage.clear());

describe('pane widths', () => {
  it('keeps each pane within its limits', () => {
    expect(clampWidth('sidebar', 12)).toBe(160);
    expect(clampWidth('sidebar', 250.4)).toBe(250);
    expect(clampWidth('list', 5000)).toBe(600);
  });

  it('reads what was remembered, clamped, and nothing from a damaged value', () => {
    localStorage.setItem('commonplace.pane-widths', JSON.stringify({ sidebar: 300, list: 9999 }));
    expect(storedWidths()).toEqual({ sidebar: 300, list: 600 });
    localStorage.setItem('commonplace.pane-widths', JSON.stringify({ sidebar: 'wide', list: null }));
    expect(storedWidths()).toEqual({ sidebar: null, list: null });
    localStorage.setItem('commonplace.pane-widths', '{not json');
    expect(storedWidths()).toEqual({ sidebar: null, list: null });
  });
});
