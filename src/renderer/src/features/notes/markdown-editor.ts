/**
 * The note body's editor: Markdown with live styling, undo history, wrapped lines, `[[`
 * completion and followable links. Everything the page needs to know comes in as callbacks.
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { Annotation, EditorState, Prec, Transaction, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { focusTargets } from '../../lib/focus';
import { linkCompletion, type DrawIcon, type FindCandidates } from '../links/link-completion';
import { wikiLinks, type FollowLink } from '../links/wikilink-decorations';
import { markdownStyle } from './markdown-style';
import { searchMarks } from './search-marks';

export interface MarkdownEditorHooks {
  /** The text changed by the person typing (not by `replaceBody`). */
  onChange: (body: string) => void;
  onBlur: () => void;
  findCandidates: FindCandidates;
  drawIcon: DrawIcon;
  follow: FollowLink;
}

/** Marks the editor's own replacements of the text, which are not the person typing. */
const replaced = Annotation.define<boolean>();

// Esc belongs to the app (back to the list), not to "collapse the selection".
const keys = defaultKeymap.filter((binding) => binding.key !== 'Escape');

function extensions(hooks: MarkdownEditorHooks): Extension {
  return [
    history(),
    markdown({ base: markdownLanguage }),
    EditorView.lineWrapping,
    markdownStyle(),
    placeholder('Write in Markdown…'),
    searchMarks,
    Prec.high(wikiLinks(hooks.follow)),
    linkCompletion(hooks.findCandidates, hooks.drawIcon),
    keymap.of([...keys, ...historyKeymap]),
    EditorView.contentAttributes.of({
      id: focusTargets.body,
      'aria-label': 'Body',
      spellcheck: 'true',
      autocapitalize: 'sentences',
    }),
    // The page's policy applies CodeMirror's `<style>` elements only with the nonce it was served with.
    EditorView.cspNonce.of(styleNonce(document)),
    EditorView.updateListener.of((update) => {
      const typed = update.transactions.some((tr) => tr.docChanged && !tr.annotation(replaced));
      if (typed) hooks.onChange(update.state.doc.toString());
      if (update.focusChanged && !update.view.hasFocus) hooks.onBlur();
    }),
  ];
}

/** Creates the editor in `parent` with the note's text. */
export function createMarkdownEditor(
  parent: HTMLElement,
  body: string,
  hooks: MarkdownEditorHooks,
): EditorView {
  const state = EditorState.create({ doc: body, extensions: extensions(hooks) });
  return new EditorView({ state, parent });
}

/**
 * Puts a new version of the text in the editor (a reload, a conflict), changing only the part
 * that differs so the caret stays where it was when it can. Not undoable: the old text is gone.
 */
export function replaceBody(view: EditorView, body: string): void {
  const old = view.state.doc.toString();
  if (old === body) return;
  let start = 0;
  const shortest = Math.min(old.length, body.length);
  while (start < shortest && old.charCodeAt(start) === body.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = body.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === body.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  view.dispatch({
    changes: { from: start, to: oldEnd, insert: body.slice(start, newEnd) },
    annotations: [replaced.of(true), Transaction.addToHistory.of(false)],
  });
}

/** The style nonce the page was served with (absent under the dev server, which allows inline styles). */
function styleNonce(doc: Document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}
