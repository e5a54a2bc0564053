/**
 * Links in an imported Markdown file, planned before anything is written: `[[File name|shown]]`
 * pointing at another imported file becomes `[[Title|shown]]` (so the library's link index
 * resolves it by title), and attachments — `![[image.png]]`, `![alt](attachments/x.png)`,
 * `[report](files/report.pdf)` — are listed so they can be copied into the library's assets, then
 * pointed at `assets/…`. Nothing in code spans or fenced blocks is touched.
 */
import path from 'node:path';
import type { ImportProblem, WikiLink } from '../../shared/types';
import { linkKey, retarget, scanLines, unlinkableCharacters } from '../links/wikilink';
import { MARKDOWN_FILE } from './scan-folder';

/** What the planner knows about the folder and the library. */
export interface LinkTargets {
  /** The title an imported Markdown file (relative path) will have. */
  titleOf(file: string): string | undefined;
  /** Markdown files, relative paths. */
  markdown: readonly string[];
  /** Other files (attachments), relative paths. */
  files: readonly string[];
  /** True when a `[[name]]` resolves anyway: a title or alias in the library or in the import. */
  isKnownName(name: string): boolean;
}

/** One change to a body: [start, end) replaced by what `render` makes of the attachment's asset. */
export interface LinkEdit {
  start: number;
  end: number;
  /** The attachment (relative path) this edit needs stored, if any. */
  attachment?: string;
  render(asset: string | null): string;
}

export interface LinkPlan {
  edits: LinkEdit[];
  /** Attachments to copy, each once. */
  attachments: string[];
  problems: ImportProblem[];
}

// `![alt](url "title")` and `[text](url)`; the URL may be in <angle brackets>.
const MARKDOWN_LINK =
  /(!?)\[((?:[^\]\\\n]|\\.)*)\]\(\s*(<[^>\n]*>|[^)\s]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*)\)/g;
/** What `attachment()` answers for a path that climbs out of the folder. */
export const OUTSIDE = Symbol('outside the folder');
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export class LinkResolver {
  private readonly notesByPath = new Map<string, string>();
  private readonly notesByName = new Map<string, string[]>();
  private readonly filesByPath = new Map<string, string>();
  private readonly filesByName = new Map<string, string[]>();

  constructor(private readonly targets: LinkTargets) {
    for (const file of targets.markdown) {
      const stem = file.replace(MARKDOWN_FILE, '');
      index(this.notesByPath, this.notesByName, stem, file);
    }
    for (const file of targets.files) index(this.filesByPath, this.filesByName, file, file);
  }

  /** The imported Markdown file `[[target]]` (written in `from`) means, or null. */
  note(target: string, from: string): string | null {
    const stem = target.replace(MARKDOWN_FILE, '');
    return find(this.notesByPath, this.notesByName, stem, from);
  }

  /** The attachment `target` (written in `from`) means, OUTSIDE when it climbs out of the folder, or null. */
  attachment(target: string, from: string): string | typeof OUTSIDE | null {
    const relative = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
    if (relative === '..' || relative.startsWith('../')) {
      const fromRoot = path.posix.normalize(target.replace(/^\/+/, ''));
      if (fromRoot === '..' || fromRoot.startsWith('../')) return OUTSIDE;
    }
    return find(this.filesByPath, this.filesByName, target.replace(/^\/+/, ''), from);
  }

  /** The edits `body` of the file `from` needs. */
  plan(body: string, from: string): LinkPlan {
    const plan: LinkPlan = { edits: [], attachments: [], problems: [] };
    const need = (file: string): void => {
      if (!plan.attachments.includes(file)) plan.attachments.push(file);
    };
    for (const line of scanLines(body)) {
      for (const found of line.links) {
        const embed = found.start > 0 && body[found.start - 1] === '!';
        const edit = this.wikilink(found.link, embed, from, plan);
        if (edit === null) continue;
        const start = embed ? found.start - 1 : found.start;
        if (edit.attachment !== undefined) need(edit.attachment);
        plan.edits.push({ ...edit, start, end: found.end });
      }
      for (const match of line.text.matchAll(MARKDOWN_LINK)) {
        const start = line.offset + match.index;
        const end = start + match[0].length;
        if (line.blocked.some(([s, e]) => s < end && start < e)) continue;
        const edit = this.markdownLink(match, from, plan);
        if (edit === null) continue;
        if (edit.attachment !== undefined) need(edit.attachment);
        plan.edits.push({ ...edit, start, end });
      }
    }
    plan.edits.sort((a, b) => a.start - b.start);
    return plan;
  }

  private wikilink(
    link: WikiLink,
    embed: boolean,
    from: string,
    plan: LinkPlan,
  ): Omit<LinkEdit, 'start' | 'end'> | null {
    const { raw, target, alias } = link;
    const note = this.note(target, from);
    if (note !== null) {
      const title = this.targets.titleOf(note);
      if (title === undefined || linkKey(title) === linkKey(target)) return null;
      if (unlinkableCharacters(title).length > 0) {
        plan.problems.push({
          subject: from,
          code: 'link_not_rewritten',
          message: `[[${raw}]] points at ${note}, whose title "${title}" cannot be written in a [[link]]: left as it was.`,
        });
        return null;
      }
      // `[[file|Title]]` (how an export links to a title its file name cannot spell) is just `[[Title]]`.
      const fragment =
        link.block !== null ? `#^${link.block}` : link.heading !== null ? `#${link.heading}` : '';
      const rewritten = alias === title ? title + fragment : retarget(raw, title);
      return { render: () => `${embed ? '!' : ''}[[${rewritten}]]` };
    }
    const isFile = !MARKDOWN_FILE.test(target) && /\.[A-Za-z0-9]{1,8}$/.test(target);
    if (isFile) {
      const file = this.attachment(target, from);
      if (file === null || file === OUTSIDE) {
        plan.problems.push(missingAttachment(from, `[[${raw}]]`, file));
        return null;
      }
      const shown = alias !== null && !/^\d+(?:x\d+)?$/.test(alias) ? alias : path.posix.basename(file);
      return {
        attachment: file,
        render: (asset) =>
          asset === null
            ? `${embed ? '!' : ''}[[${raw}]]`
            : `${embed ? '!' : ''}[${escapeText(shown)}](${asset})`,
      };
    }
    if (!this.targets.isKnownName(target)) {
      plan.problems.push({
        subject: from,
        code: 'unresolved_link',
        message: `[[${raw}]] points at no file in the folder and no item in the library: kept as an unresolved link.`,
      });
    }
    return null;
  }

  private markdownLink(
    match: RegExpMatchArray,
    from: string,
    plan: LinkPlan,
  ): Omit<LinkEdit, 'start' | 'end'> | null {
    const [whole, bang = '', text = '', rawUrl = '', title = ''] = match;
    const url = rawUrl.startsWith('<') ? rawUrl.slice(1, -1) : rawUrl;
    if (url === '' || SCHEME.test(url) || url.startsWith('#')) return null;
    const target = safeDecode(url.replace(/[?#].*$/, ''));
    if (target === '' || MARKDOWN_FILE.test(target)) return null;
    const file = this.attachment(target, from);
    if (file === null || file === OUTSIDE) {
      if (bang === '!' || /\.[A-Za-z0-9]{1,8}$/.test(target))
        plan.problems.push(missingAttachment(from, whole, file));
      return null;
    }
    return {
      attachment: file,
      render: (asset) => (asset === null ? whole : `${bang}[${text}](${asset}${title})`),
    };
  }
}

/** `body` with the edits made; `assets` maps each attachment to its stored name (missing: left as it was). */
export function applyEdits(
  body: string,
  edits: readonly LinkEdit[],
  assets: ReadonlyMap<string, string>,
): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += body.slice(at, edit.start);
    out += edit.render(edit.attachment === undefined ? null : (assets.get(edit.attachment) ?? null));
    at = edit.end;
  }
  return out + body.slice(at);
}

function index(byPath: Map<string, string>, byName: Map<string, string[]>, key: string, file: string): void {
  byPath.set(key, file);
  if (!byPath.has(key.toLowerCase())) byPath.set(key.toLowerCase(), file);
  const name = path.posix.basename(key).toLowerCase();
  const list = byName.get(name);
  if (list) list.push(file);
  else byName.set(name, [file]);
}

/** By path from the file's folder, then from the root, then by name alone (exact case first, nearest folder next). */
function find(
  byPath: Map<string, string>,
  byName: Map<string, string[]>,
  target: string,
  from: string,
): string | null {
  const nearby = path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  const fromRoot = path.posix.normalize(target);
  for (const key of [nearby, fromRoot]) {
    const file = byPath.get(key);
    if (file !== undefined) return file;
  }
  for (const key of [nearby, fromRoot]) {
    const file = byPath.get(key.toLowerCase());
    if (file !== undefined) return file;
  }
  if (target.includes('/')) return null;
  const candidates = byName.get(target.toLowerCase()) ?? [];
  const exact = candidates.filter((file) => {
    const name = path.posix.basename(file);
    return name === target || name.replace(MARKDOWN_FILE, '') === target;
  });
  const pool = exact.length > 0 ? exact : candidates;
  const folder = path.posix.dirname(from);
  return pool.find((file) => path.posix.dirname(file) === folder) ?? pool[0] ?? null;
}

function missingAttachment(from: string, written: string, found: typeof OUTSIDE | null): ImportProblem {
  return found === OUTSIDE
    ? {
        subject: from,
        code: 'outside_folder',
        message: `${written} points outside the imported folder: left as it was, nothing outside is read.`,
      }
    : {
        subject: from,
        code: 'missing_attachment',
        message: `${written} points at a file that is not in the folder: left as it was.`,
      };
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function escapeText(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}
