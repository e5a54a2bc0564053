/** What the clipper routes accept, checked before anything reaches the library. */
import { z } from 'zod';
import { MAX_CLIP_HTML_LENGTH, MAX_TITLE_LENGTH } from '../../shared/api';
import { NotebookError } from '../../shared/errors';

const MAX_URL_LENGTH = 8_192;

const pageUrl = z
  .string()
  .min(1)
  .max(MAX_URL_LENGTH)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'an http(s) URL');

export const pairBody = z
  .object({
    /** How the extension names itself in the app's pairing dialog. */
    name: z.string().trim().min(1).max(100),
  })
  .strict();

export const pairRequestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a pairing request id');

export const clipBody = z
  .object({
    url: pageUrl,
    html: z.string().min(1).max(MAX_CLIP_HTML_LENGTH),
    /** `selection` keeps exactly the HTML given, as `page` does. */
    mode: z.enum(['article', 'selection', 'page']),
    title: z.string().trim().max(MAX_TITLE_LENGTH).optional(),
    tags: z.array(z.string().min(1).max(200)).max(1_000).optional(),
    /** Becomes a note linking to the clip. */
    comment: z.string().max(20_000).optional(),
    images: z
      .array(
        z
          .object({
            src: z.string().min(1).max(MAX_URL_LENGTH),
            type: z.string().max(100),
            data: z.string().max(14_000_000),
          })
          .strict(),
      )
      .max(200)
      .optional(),
  })
  .strict();

export type ClipBody = z.infer<typeof clipBody>;

export const lookupBody = z.object({ url: pageUrl }).strict();

export const pairStatusBody = z.object({ requestId: pairRequestId }).strict();

/** Parses `value` or throws `invalid_argument` naming the first problem. */
export function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new NotebookError('invalid_argument', `Invalid ${what}${where}: ${issue?.message ?? 'malformed'}.`);
}
