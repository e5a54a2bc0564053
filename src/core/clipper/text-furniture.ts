/**
 * Furniture recognised by its words, for what survives extraction without a telling class: share
 * rows, "Posted by … Labels:" lines, comment counts and forms' leftovers, newsletter and cookie
 * notices, pager links, and "Related posts" headings with the link lists under them.
 */
import { all, squash, tagOf, textOf, type DomElement } from './dom';
import { isLinkList } from './furniture';

const SHORT = 160;

const SHARE_WORDS = new Set(
  (
    'share sharing this on to via the article story post page email e-mail mail tweet twitter x facebook ' +
    'linkedin whatsapp pinterest reddit telegram messenger flipboard pocket print copy link blogthis ' +
    'partager partagez cet sur teilen compartir condividi'
  ).split(' '),
);
const SHARE_START = new Set([
  'share',
  'sharing',
  'email',
  'tweet',
  'partager',
  'partagez',
  'teilen',
  'compartir',
  'print',
]);

const LINES = [
  /^posted (?:by|on|at|in)\b/i,
  /^(?:labels?|tags?|tagged|filed under|categories|category|topics?|keywords|mots[- ]clés|étiquettes|thèmes?)\s*:/i,
  /^(?:\d+|no) (?:comments?|responses|replies)\s*:?$/i,
  /^(?:leave a (?:comment|reply)|post a comment|add a comment|write a comment|comments? (?:are )?closed|join the (?:conversation|discussion)|(?:show|view|load|read) (?:all )?comments)\b/i,
  /^(?:newer posts?|older posts?|home|previous post|next post|previous article|next article|back to top|continue reading|advertisement|advertising|sponsored(?: content)?|skip to (?:main )?content)\W*$/i,
  /^subscribe to\s*:/i,
  /^(?:top|post reply|reply|quote|report(?: post)?|permalink|edit this page|was this (?:page|article) helpful\??)\W*$/i,
  /^(?:related(?: (?:articles?|stories|posts?|coverage))?|read (?:more|also|next)|also read|more on this|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema)\s*:/i,
  /^(?:subscribe|sign up|get (?:our|the) (?:\w+ )?newsletter|join (?:our|the) (?:newsletter|mailing list))\b.*\b(?:newsletter|inbox|e-?mail|updates)\b/i,
];
const COOKIE =
  /\b(?:we use cookies|this (?:site|website) uses cookies|use of cookies|cookie (?:policy|settings|preferences))\b/i;
const RELATED_HEADING =
  /^(?:related(?: (?:posts?|articles?|stories|content|reading|coverage|links|topics))?|you (?:may|might) also (?:like|enjoy|be interested in)|more (?:from|on|in|stories|articles|news)\b.*|read (?:more|next|also)|also read|recommended(?: for you| reading| articles)?|most (?:read|popular|viewed|shared)|popular (?:posts|articles|stories)|trending(?: now)?|à lire aussi|lire aussi|sur le même sujet|comments?|\d+ comments?|leave a (?:comment|reply)|share this(?: article| story| post)?:?)\W*$/i;

/** True for a short block whose words make it furniture. */
export function isFurnitureText(raw: string): boolean {
  const text = squash(raw);
  if (text === '' || text.length > 500) return false;
  if (COOKIE.test(text) && /\b(?:accept|agree|consent|privacy|settings|preferences|continuing)\b/i.test(text))
    return true;
  if (text.length > SHORT) return false;
  if (LINES.some((line) => line.test(text))) return true;
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}!-]+/u)
    .filter((word) => word !== '');
  return (
    words.length > 0 &&
    words.length <= 15 &&
    SHARE_START.has(words[0] ?? '') &&
    words.every((w) => SHARE_WORDS.has(w))
  );
}

/** Removes furniture blocks found by their words under `root`, in place. */
export function removeFurnitureText(root: DomElement): void {
  for (const heading of all(root, 'h1, h2, h3, h4, h5, h6')) {
    if (heading.parentNode === null || !RELATED_HEADING.test(textOf(heading))) continue;
    removeLinkListsAfter(heading);
    heading.remove();
  }
  for (const block of all(root, 'p, li, dt, dd, div, section, aside, blockquote')) {
    if (
      block.parentNode === null ||
      block.querySelector('p, li, h1, h2, h3, h4, h5, h6, pre, table, img') !== null
    )
      continue;
    if (isFurnitureText(textOf(block))) block.remove();
  }
}

function removeLinkListsAfter(heading: DomElement): void {
  let next = heading.nextSibling;
  while (next !== null) {
    const following = next.nextSibling;
    const element = next.nodeType === 1 ? (next as DomElement) : null;
    if (element !== null) {
      if (/^h[1-6]$/.test(tagOf(element)) || !isLinkList(element)) return;
      element.remove();
    } else if ((next.textContent ?? '').trim() !== '') {
      return;
    }
    next = following;
  }
}
