import { describe, expect, it } from 'vitest';
import { applyEdits, LinkResolver } from './vault-links';

const titles: Record<string, string> = {
  'Home.md': 'Welcome home',
  'sub/Deep note.md': 'Deep: a note',
  'sub/Odd.md': 'Odd | title',
};

const resolver = new LinkResolver({
  markdown: Object.keys(titles),
  files: ['attachments/pic.png', 'sub/doc.pdf'],
  titleOf: (file) => titles[file],
  isKnownName: (name) => name.toLowerCase() === 'library note',
});

function rewrite(body: string, from = 'index.md'): { text: string; codes: string[]; attachments: string[] } {
  const plan = resolver.plan(body, from);
  const assets = new Map(plan.attachments.map((file) => [file, `assets/${file.length}.png`]));
  return {
    text: applyEdits(body, plan.edits, assets),
    codes: plan.problems.map((p) => p.code),
    attachments: plan.attachments,
  };
}

describe('LinkResolver', () => {
  it('points links at files to their titles, keeping headings, blocks and shown text', () => {
    expect(
      rewrite('[[Home]] [[home#Part|there]] [[sub/Deep note#^abc123]] [[Deep note|Deep: a note]]').text,
    ).toBe('[[Welcome home]] [[Welcome home#Part|there]] [[Deep: a note#^abc123]] [[Deep: a note]]');
  });

  it('leaves code, known names and titles that cannot be link targets alone', () => {
    const result = rewrite('`[[Home]]`\n```\n[[Home]]\n```\n[[Library note]] [[Odd]] [[Nowhere]]');
    expect(result.text).toBe('`[[Home]]`\n```\n[[Home]]\n```\n[[Library note]] [[Odd]] [[Nowhere]]');
    expect(result.codes).toEqual(['link_not_rewritten', 'unresolved_link']);
  });

  it('finds attachments by path or by name, and refuses paths out of the folder', () => {
    const result = rewrite(
      '![[pic.png|300]] ![x](../attachments/pic.png) [doc](doc.pdf) ![y](../../etc/passwd.png) ![z](gone.png) [w](https://e.org/a.png)',
      'sub/page.md',
    );
    expect(result.attachments).toEqual(['attachments/pic.png', 'sub/doc.pdf']);
    expect(result.text).toBe(
      '![pic.png](assets/19.png) ![x](assets/19.png) [doc](assets/11.png) ![y](../../etc/passwd.png) ![z](gone.png) [w](https://e.org/a.png)',
    );
    expect(result.codes).toEqual(['outside_folder', 'missing_attachment']);
  });
});
