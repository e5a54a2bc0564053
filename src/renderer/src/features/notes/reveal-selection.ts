/**
 * Selects a range of a textarea and scrolls it into the middle of the pane. The editor's
 * textarea grows with its text (it never scrolls itself), so the browser's own scrolling to the
 * caret does nothing: where the range sits is measured on a hidden copy of the textarea instead.
 */

// Everything that decides where a line wraps.
const LAYOUT = [
  'box-sizing',
  'width',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-right-width',
  'border-bottom-width',
  'border-left-width',
  'border-style',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'letter-spacing',
  'word-spacing',
  'line-height',
  'text-transform',
  'text-indent',
  'tab-size',
  'overflow-wrap',
  'word-break',
];

/** How far below the textarea's top edge the character at `index` is laid out, in pixels. */
export function offsetOfIndex(field: HTMLTextAreaElement, index: number): number {
  const doc = field.ownerDocument;
  const mirror = doc.createElement('div');
  const style = getComputedStyle(field);
  for (const name of LAYOUT) mirror.style.setProperty(name, style.getPropertyValue(name));
  mirror.style.setProperty('position', 'absolute');
  mirror.style.setProperty('visibility', 'hidden');
  mirror.style.setProperty('white-space', 'pre-wrap');
  mirror.style.setProperty('top', '0');
  mirror.style.setProperty('left', '-10000px');
  mirror.textContent = field.value.slice(0, index);
  const marker = doc.createElement('span');
  marker.textContent = '\u200b';
  mirror.append(marker);
  doc.body.append(mirror);
  const offset = marker.offsetTop;
  mirror.remove();
  return offset;
}

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent);
    if ((overflowY === 'auto' || overflowY === 'scroll') && parent.scrollHeight > parent.clientHeight) {
      return parent;
    }
  }
  return null;
}

/** Focuses the textarea, selects `start`–`end`, and brings that line to the middle of its pane. */
export function revealSelection(field: HTMLTextAreaElement, start: number, end: number): void {
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end, 'forward');
  const pane = scrollParent(field);
  if (!pane) return;
  const lineTop = field.getBoundingClientRect().top + offsetOfIndex(field, start) - field.scrollTop;
  const middle = pane.getBoundingClientRect().top + pane.clientHeight / 2;
  pane.scrollTop += lineTop - middle;
}
