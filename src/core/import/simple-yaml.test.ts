import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { frontMatter } from '../export/format';
import { parseSimpleYaml } from './simple-yaml';

/** What the full parser gives, or 'error'. */
function full(yaml: string): unknown {
  try {
    return parse(yaml, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return 'error';
  }
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const KEYS = ['title', 'tags', 'id', 'a-b', '_x', 'true', 'null', '1', '__proto__', 'Key', 'x y', 'k:'];
const SEPARATORS = [': ', ':', ':  ', ' : '];
const VALUES = [
  'plain words',
  'Sécurité à Bamako',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#c',
  '-x',
  '- x',
  '2021-07-25',
  '2021-09-16T03:11:53.043Z',
  '12',
  '012',
  '1_000',
  '1e3',
  '+1.5',
  '0x1F',
  '0o17',
  '.5',
  '.inf',
  '-.INF',
  '.NaN',
  'true',
  'False',
  'yes',
  'no',
  '~',
  'null',
  'NULL',
  '"quoted"',
  '"with: colon # and hash"',
  '"esc \\" inside"',
  '"tab\\tx"',
  '""',
  "'single ''q'''",
  "'it''s'",
  "'bad ' q'",
  "''",
  '[]',
  '[ ]',
  '[a, b]',
  '{}',
  '&a x',
  '*a',
  '!tag x',
  '|',
  '>',
  '%x',
  '@x',
  '`x`',
  'a, b',
  'a]',
  'a[b]',
  'x:',
  '?x',
  '? x',
  'trailing   ',
  'a\tb',
  'üñî 😀',
  'https://example.org/a?b=c#frag',
  '',
  'ends with colon:',
  "it's",
  'say "hi"',
  'back\\slash',
  'next\u0085line',
  '\ufeffbom',
  'nul\u0000',
  'cr\rx',
];
const ODD_LINES = ['', '# comment', '  continued', '---', '...', '\t- tab', '-', '- ', 'key'];

function block(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 5);
  for (let i = 0; i < count; i++) {
    const roll = next();
    const key =
      next() < 0.7 ? pick(['title', 'tags', 'id', 'aliases', 'url']) + (i > 2 ? String(i) : '') : pick(KEYS);
    if (roll < 0.55) lines.push(`${key}${next() < 0.85 ? ': ' : pick(SEPARATORS)}${pick(VALUES)}`);
    else if (roll < 0.9) {
      lines.push(`${key}:${next() < 0.2 ? ' ' : ''}`);
      const indent = next() < 0.7 ? '  ' : pick(['', ' ', '    ']);
      const items = Math.floor(next() * 4);
      for (let j = 0; j < items; j++)
        lines.push(`${next() < 0.9 ? indent : pick(['', '   '])}- ${pick(VALUES)}`);
    } else lines.push(pick(ODD_LINES));
  }
  return lines.join('\n') + (next() < 0.8 ? '\n' : '');
}

describe('parseSimpleYaml', () => {
  it('gives what the full parser gives, whenever it answers', () => {
    const next = random(20261127);
    let answered = 0;
    for (let n = 0; n < 20_000; n++) {
      const yaml = block(next);
      const simple = parseSimpleYaml(yaml);
      if (simple === undefined) continue;
      answered++;
      expect(simple, JSON.stringify(yaml)).toStrictEqual(full(yaml));
    }
    // The comparison means something only if the fast path is taken often.
    expect(answered).toBeGreaterThan(1_000);
  });

  it('reads what an export writes, however odd the title', () => {
    for (const title of [
      'Plain',
      'A: b # c',
      '"Quoted"',
      "It's",
      '- dash',
      '12',
      'true',
      'Sécurité, été',
      '[x]',
    ]) {
      const text = frontMatter({
        id: 'abc123',
        type: 'clip',
        title,
        aliases: ['one', 'two: three'],
        tags: ['sahel/mali', 'économie'],
        created: '2024-01-02T03:04:05.000Z',
        updated: '2024-01-02T03:04:05.000Z',
      });
      const yaml = text.slice('---\n'.length, -'---\n'.length);
      const simple = parseSimpleYaml(yaml);
      expect(simple ?? full(yaml)).toStrictEqual(full(yaml));
      // Titles the export writes plainly or in simple quotes take the fast path.
      if (!['12', 'true'].includes(title)) expect(simple, title).toBeDefined();
    }
  });

  it('leaves anything else to the full parser', () => {
    for (const yaml of [
      'id: 20240101\n',
      'draft: true\n',
      'a: 1\na: 2\n',
      'title: x # note\n',
      'tags: [a, b]\n',
      'text: |\n  two\n  lines\n',
      'title: "esc \\"q\\""\n',
      '# comment\ntitle: x\n',
      'tags:\n  - a\n    - b\n',
      '__proto__: x\n',
      'title:\tx\n',
    ])
      expect(parseSimpleYaml(yaml), yaml).toBeUndefined();
  });

  it('reads an empty key as null and [] as an empty list, in the order written', () => {
    const data = parseSimpleYaml('b:\naliases: []\ntags:\n  - x\n  - "y"\na: z\n');
    expect(data).toStrictEqual({ b: null, aliases: [], tags: ['x', 'y'], a: 'z' });
    expect(Object.keys(data ?? {})).toEqual(['b', 'aliases', 'tags', 'a']);
  });
});
