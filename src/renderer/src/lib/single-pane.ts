/** Below this width the window shows one pane at a time (see layout.css). */
export const SINGLE_PANE_QUERY = '(max-width: 760px)';

export function isSinglePane(): boolean {
  return window.matchMedia(SINGLE_PANE_QUERY).matches;
}
