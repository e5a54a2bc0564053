/**
 * A title as a `[[link]]` target. `[`, `]`, `|`, `#` and `^` end or split a link, so a title
 * holding them (a clip's, from its page: "Report #3 [updated]") is written and matched with each
 * of them as a space: `[[Report 3 updated]]` finds it. Shared by the core's link index and the
 * editor, which must agree on what a link names.
 */

/** The characters a link target cannot hold. */
export const UNLINKABLE_RE = /[[\]|#^]/g;

/** `title` as a link names it: unlinkable characters as spaces, runs of spaces as one, trimmed. */
export function linkTargetOf(title: string): string {
  return title.replace(UNLINKABLE_RE, ' ').replace(/\s+/g, ' ').trim();
}
