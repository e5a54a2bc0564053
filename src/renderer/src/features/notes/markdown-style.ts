/**
 * How Markdown looks while it is written: styled like the text it becomes (large headings,
 * italics, quotes), with the marks themselves quiet. Colours are the app's CSS variables, so
 * light and dark both work without a second theme.
 */
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: t.heading1, fontSize: '1.6em', fontWeight: '700', lineHeight: '1.3', fontFamily: 'var(--font-ui)' },
  { tag: t.heading2, fontSize: '1.35em', fontWeight: '700', lineHeight: '1.3', fontFamily: 'var(--font-ui)' },
  { tag: t.heading3, fontSize: '1.15em', fontWeight: '700', fontFamily: 'var(--font-ui)' },
  { tag: [t.heading4, t.heading5, t.heading6], fontWeight: '700', fontFamily: 'var(--font-ui)' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.quote, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [t.link, t.url], color: 'var(--accent)' },
  { tag: t.monospace, fontFamily: 'var(--font-mono)', fontSize: '0.88em' },
  { tag: [t.processingInstruction, t.contentSeparator, t.labelName], color: 'var(--faint)' },
  { tag: t.list, color: 'inherit' },
  { tag: t.comment, color: 'var(--faint)' },
  { tag: [t.escape, t.character], color: 'var(--muted)' },
  // Code inside fenced blocks (languages the Markdown parser knows): quiet, readable colours.
  { tag: [t.keyword, t.operatorKeyword], color: 'var(--accent)' },
  { tag: [t.string, t.regexp], color: 'var(--ok)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--danger)' },
]);

const theme = EditorView.theme({
  '&': {
    color: 'var(--text)',
    backgroundColor: 'transparent',
    fontFamily: 'var(--font-text)',
    fontSize: '18px',
  },
  // The pane scrolls, not the editor: the page grows with its text.
  '.cm-scroller': {
    overflow: 'visible',
    fontFamily: 'var(--font-text)',
    lineHeight: '1.65',
  },
  '.cm-content': {
    minHeight: '55vh',
    padding: '0',
    caretColor: 'var(--text)',
  },
  '.cm-line': { padding: '0' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-selectionBackground, &.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground': {
    backgroundColor: 'var(--selected)',
  },
  '.cm-placeholder': { color: 'var(--faint)' },
  '.cm-search-match': {
    backgroundColor: 'var(--match)',
    color: 'var(--match-text)',
    borderRadius: '2px',
  },
  '.cm-search-match.is-current': {
    backgroundColor: 'var(--match-current)',
    color: 'var(--match-current-text)',
  },
  '.cm-tooltip': {
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    boxShadow: 'var(--shadow)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete': { overflow: 'hidden' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': {
    maxHeight: '18em',
    minWidth: '18em',
    maxWidth: 'min(34em, 80vw)',
    fontFamily: 'var(--font-ui)',
    fontSize: '14.5px',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': {
    display: 'flex',
    alignItems: 'center',
    gap: '8px',
    padding: '5px 10px',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': {
    backgroundColor: 'var(--selected)',
    color: 'var(--text)',
  },
  '.cm-tooltip-autocomplete .type-icon': { display: 'inline-flex', flex: 'none', color: 'var(--muted)' },
  '.cm-completionLabel': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  '.cm-completionDetail': {
    marginLeft: 'auto',
    paddingLeft: '8px',
    color: 'var(--muted)',
    fontStyle: 'normal',
  },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '600' },
});

/** The editor's look: the reading theme and Markdown styling. */
export function markdownStyle(): Extension {
  return [theme, syntaxHighlighting(highlight)];
}
