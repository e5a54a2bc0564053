// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { focusSoon } from './focus';

const frame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function field(id: string): HTMLInputElement {
  const input = document.createElement('input');
  input.id = id;
  document.body.append(input);
  return input;
}

afterEach(() => document.body.replaceChildren());

describe('focusSoon', () => {
  it('focuses the element once rendered, even when the focused one went away', async () => {
    const results = field('results');
    results.focus();
    focusSoon('list');
    results.remove();
    const list = field('list');
    await frame();
    expect(document.activeElement).toBe(list);
  });

  it('leaves the focus where a later request put it', async () => {
    const list = field('list');
    const box = field('search-box');
    list.focus();
    focusSoon('list');
    box.focus();
    await frame();
    expect(document.activeElement).toBe(box);
  });
});
