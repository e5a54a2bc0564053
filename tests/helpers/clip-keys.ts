/** The fields a clip has on every door (sorted), to check that none is missing or extra. */

/** A clip as lists and search show it: no bodies. */
export const CLIP_SUMMARY_KEYS = [
  'aliases',
  'authors',
  'canonicalUrl',
  'clipped',
  'created',
  'deleted',
  'excerpt',
  'id',
  'lang',
  'published',
  'rev',
  'siteName',
  'tags',
  'title',
  'type',
  'updated',
  'url',
];

/** A whole clip, as `clip` and `getItem` return it. */
export const CLIP_KEYS = [
  ...CLIP_SUMMARY_KEYS,
  'citation',
  'highlights',
  'html',
  'images',
  'markdown',
  'suggestedTags',
  'text',
].sort();
