/**
 * Class and id names that mark page furniture. Names are split into words (`post-share-buttons`,
 * `shareBar`, `related_posts` → share, bar, related, posts) so `comment` does not match
 * `commentary`, and a few furniture names that take two words are matched as pairs.
 */

const WORDS = new Set(
  (
    'share shares sharing sharebar sharedaddy social socials addthis sharethis shariff ' +
    'related relatedposts recommended recommendations recirculation trending popular outbrain taboola ' +
    'newsletter newsletters subscribe subscription signup mailchimp mc4wp optin ' +
    'cookie cookies consent gdpr onetrust cookiebar ' +
    'comment comments commentlist disqus respond ' +
    'breadcrumb breadcrumbs pagination pager pagenav navbar navigation menu sidebar toolbar skiplink ' +
    'advert adverts advertisement advertising ads ad sponsor sponsored promo promotion ' +
    'popup modal overlay interstitial paywall ' +
    'yarpp sronly visuallyhidden signature postprofile back2top backtotop similar ' +
    'noprint editsection navbox catlinks printfooter'
  ).split(' '),
);

// Two-word names: the words must follow each other.
const PAIRS = [
  'author bio',
  'author box',
  'author info',
  'author card',
  'author profile',
  'about author',
  'about the',
  'post footer',
  'entry footer',
  'article footer',
  'post meta',
  'entry meta',
  'article meta',
  'post labels',
  'post tags',
  'entry tags',
  'article tags',
  'tag links',
  'tags links',
  'cat links',
  'post categories',
  'feed links',
  'post feeds',
  'blog pager',
  'more stories',
  'read more',
  'also read',
  'read next',
  'most read',
  'screen reader',
  'visually hidden',
  'sr only',
  'skip link',
  'jump link',
  'print only',
  'online list',
  'who is',
  'action bar',
  'post profile',
  'user info',
  'hidden print',
].map((pair) => pair.split(' ') as [string, string]);

/** Splits class and id text into lowercase words: `shareBar post-footer` → share, bar, post, footer. */
export function nameWords(names: string): string[] {
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** True when the class/id text names furniture. */
export function isFurnitureName(names: string): boolean {
  if (names.trim() === '') return false;
  const words = nameWords(names);
  if (words.some((word) => WORDS.has(word))) return true;
  for (let i = 0; i + 1 < words.length; i += 1) {
    if (PAIRS.some(([first, second]) => words[i] === first && words[i + 1] === second)) return true;
  }
  return false;
}
