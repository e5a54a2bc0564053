/**
 * A small, strict BibTeX reader: enough to read back what bibtex.ts writes (braced values,
 * escaped specials) and to refuse anything unbalanced. Used by the tests to check the output
 * round-trips; it is not an importer.
 */

export interface BibtexEntry {
  type: string;
  key: string;
  /** Field values as written, between the outer braces. */
  raw: Record<string, string>;
}

export function readBibtex(text: string): BibtexEntry[] {
  const entries: BibtexEntry[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`BibTeX: ${why} at offset ${i}`);
  };
  const skipSpace = (): void => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  const expect = (char: string): void => {
    skipSpace();
    if (text[i] !== char) fail(`expected "${char}", found "${text[i] ?? 'end'}"`);
    i++;
  };
  const word = (pattern: RegExp): string => {
    skipSpace();
    const start = i;
    while (i < text.length && pattern.test(text[i] ?? '')) i++;
    if (i === start) fail('expected a name');
    return text.slice(start, i);
  };
  for (;;) {
    skipSpace();
    if (i >= text.length) return entries;
    expect('@');
    const type = word(/[A-Za-z]/).toLowerCase();
    expect('{');
    const key = word(/[^\s,{}]/);
    const raw: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text[i] === '}') break;
      expect(',');
      skipSpace();
      if (text[i] === '}') break;
      const name = word(/[A-Za-z_-]/).toLowerCase();
      if (name in raw) fail(`field "${name}" given twice`);
      expect('=');
      expect('{');
      raw[name] = bracedValue();
    }
    i++;
    entries.push({ type, key, raw });
  }

  // After an opening brace: up to its matching closing brace; escaped braces do not count.
  function bracedValue(): string {
    const start = i;
    let depth = 1;
    while (i < text.length) {
      const char = text[i];
      if (char === '\\') i += 2;
      else {
        if (char === '{') depth++;
        if (char === '}' && --depth === 0) return text.slice(start, i++);
        i++;
      }
    }
    return fail('unbalanced braces');
  }
}

const COMMANDS: Record<string, string> = {
  textbackslash: '\\',
  textasciitilde: '~',
  textasciicircum: '^',
};

/** A field value as plain text: escapes undone, grouping braces removed. */
export function bibtexText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i] ?? '';
    if (char === '{' || char === '}') continue;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const command = /^[A-Za-z]+/.exec(value.slice(i + 1))?.[0];
    if (command === undefined) {
      out += value[i + 1] ?? '';
      i++;
      continue;
    }
    const replacement = COMMANDS[command];
    if (replacement === undefined) throw new Error(`BibTeX: unknown command \\${command}`);
    out += replacement;
    i += command.length;
    if (value.slice(i + 1, i + 3) === '{}') i += 2;
  }
  return out;
}

/** An author field as names: split on " and " outside braces. */
export function bibtexNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}') depth--;
    else if (depth === 0 && value.startsWith(' and ', i)) {
      names.push(value.slice(start, i));
      start = i + 5;
      i += 4;
    }
  }
  names.push(value.slice(start));
  return names;
}
