/**
 * The search's matched words marked in the editor, found again as the text changes, with the
 * occurrence last stepped to marked as current.
 */
import { StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { findMatches, type TextRange } from '../search/find-matches';

/** The words to mark (null: none) and which occurrence is current. */
export const setSearchMarks = StateEffect.define<{
  words: readonly string[] | null;
  current: number | null;
}>();

interface Marks {
  words: readonly string[] | null;
  current: number | null;
  ranges: TextRange[];
  decorations: DecorationSet;
}

const mark = Decoration.mark({ class: 'cm-search-match', tagName: 'mark' });
const currentMark = Decoration.mark({ class: 'cm-search-match is-current', tagName: 'mark' });

function build(state: EditorState, words: readonly string[] | null, current: number | null): Marks {
  const ranges = words ? findMatches(state.doc.toString(), words) : [];
  const decorations = Decoration.set(
    ranges.map((range, index) => (index === current ? currentMark : mark).range(range.start, range.end)),
  );
  return { words, current, ranges, decorations };
}

export const searchMarks = StateField.define<Marks>({
  create: () => ({ words: null, current: null, ranges: [], decorations: Decoration.none }),
  update(value, transaction) {
    let next = value;
    for (const effect of transaction.effects) {
      if (effect.is(setSearchMarks))
        next = build(transaction.state, effect.value.words, effect.value.current);
    }
    if (next === value && transaction.docChanged && value.words) {
      next = build(transaction.state, value.words, value.current);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field, (marks) => marks.decorations),
});

/** Where the words occur in the editor's text now. */
export function searchRanges(state: EditorState): TextRange[] {
  return state.field(searchMarks, false)?.ranges ?? [];
}

/** Selects a range, focuses the editor and scrolls the range to the middle of the pane. */
export function revealRange(view: EditorView, from: number, to: number): void {
  view.dispatch({
    selection: { anchor: from, head: to },
    effects: EditorView.scrollIntoView(from, { y: 'center' }),
  });
  view.focus();
}
