/**
 * Wikilinks in the editor: marked as links (resolved), as links to nothing yet (unresolved), and
 * left alone inside code. Ctrl/Cmd-click or Mod-Enter on a link follows it.
 */
import { syntaxTree } from '@codemirror/language';
import type { EditorState, Extension, Range } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  ViewPlugin,
  keymap,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import type { LinkEnd } from '@shared/types';
import { linkTargets, resolveTarget } from './link-targets';
import { findWikiLinks, type WikiLinkRange } from './wikilink-ranges';

/** Follows a link: `resolved` is its item, null if none has its title, undefined if not known yet. */
export type FollowLink = (link: WikiLinkRange, resolved: LinkEnd | null | undefined) => void;

const CODE = new Set(['InlineCode', 'FencedCode', 'CodeBlock', 'CodeText', 'HTMLBlock', 'CommentBlock']);
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const hint = isMac ? '⌘-click to open' : 'Ctrl-click to open';

const bracket = Decoration.mark({ class: 'cm-wikilink-bracket' });
const marks = {
  resolved: Decoration.mark({ class: 'cm-wikilink is-resolved', attributes: { title: hint } }),
  unresolved: Decoration.mark({
    class: 'cm-wikilink is-unresolved',
    attributes: { title: `No item has this title yet. ${hint} to create the note.` },
  }),
  unknown: Decoration.mark({ class: 'cm-wikilink', attributes: { title: hint } }),
};

/** True if `from`–`to` lies in code (inline or block), where `[[` is just text. */
function inCode(state: EditorState, from: number, to: number): boolean {
  let found = false;
  syntaxTree(state).iterate({
    from,
    to,
    enter: (node) => {
      if (CODE.has(node.name)) found = true;
      return !found;
    },
  });
  return found;
}

/** The links on the lines between `from` and `to`, outside code. */
export function linksIn(state: EditorState, from: number, to: number): WikiLinkRange[] {
  const links: WikiLinkRange[] = [];
  for (let pos = from; pos <= to;) {
    const line = state.doc.lineAt(pos);
    for (const link of findWikiLinks(line.text, line.from)) {
      if (!inCode(state, link.from, link.to)) links.push(link);
    }
    pos = line.to + 1;
  }
  return links;
}

/** The link at a document position, or null. */
export function linkAt(state: EditorState, pos: number): WikiLinkRange | null {
  return linksIn(state, pos, pos).find((link) => pos >= link.from && pos <= link.to) ?? null;
}

function decorate(view: EditorView): DecorationSet {
  const targets = view.state.field(linkTargets, false) ?? null;
  const ranges: Range<Decoration>[] = [];
  for (const { from, to } of view.visibleRanges) {
    for (const link of linksIn(view.state, from, to)) {
      const resolved = resolveTarget(targets, link.target);
      const mark = resolved === undefined ? marks.unknown : resolved ? marks.resolved : marks.unresolved;
      // The brackets stay quiet; only the text between them looks like a link.
      ranges.push(bracket.range(link.from, link.from + 2));
      ranges.push(mark.range(link.from + 2, link.to - 2));
      ranges.push(bracket.range(link.to - 2, link.to));
    }
  }
  return Decoration.set(ranges, true);
}

const decorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorate(view);
    }
    update(update: ViewUpdate): void {
      const targetsChanged =
        update.startState.field(linkTargets, false) !== update.state.field(linkTargets, false);
      if (
        update.docChanged ||
        update.viewportChanged ||
        targetsChanged ||
        syntaxTree(update.startState) !== syntaxTree(update.state)
      ) {
        this.decorations = decorate(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** Decorated wikilinks that `follow` opens. */
export function wikiLinks(follow: FollowLink): Extension {
  const run = (view: EditorView, link: WikiLinkRange): void =>
    follow(link, resolveTarget(view.state.field(linkTargets, false) ?? null, link.target));
  return [
    linkTargets,
    decorations,
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (event.button !== 0 || !(event.ctrlKey || event.metaKey)) return false;
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
        const link = pos === null ? null : linkAt(view.state, pos);
        if (!link) return false;
        event.preventDefault();
        run(view, link);
        return true;
      },
    }),
    keymap.of([
      {
        key: 'Mod-Enter',
        run(view) {
          const link = linkAt(view.state, view.state.selection.main.head);
          if (!link) return false;
          run(view, link);
          return true;
        },
      },
    ]),
  ];
}
