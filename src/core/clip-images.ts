/**
 * Downloading a clip's images into the library's assets, a few at a time, within per-image and
 * per-clip limits; images the browser already supplied are taken from those bytes instead, under
 * the same limits and checks. An image that cannot be kept is recorded with its reason; it never
 * fails the clip.
 */
import { NotebookError } from '../shared/errors';
import type { ClipImage } from '../shared/types';
import type { AssetBatch } from './assets';
import { parseHttpUrl } from './clipper/canonical-url';
import { fetchPage, formatBytes, mediaType } from './clipper/fetch-page';
import { imageExtension } from './clipper/image-type';

export interface ImageLimits {
  timeoutMs: number;
  /** Per image. */
  maxImageBytes: number;
  /** All of a clip's images together. */
  maxClipBytes: number;
  /** Images past this many are recorded, not downloaded. */
  maxImages: number;
}

// Enough to overlap the round trips without hammering one site.
const CONCURRENCY = 4;

export interface DownloadOptions {
  limits: ImageLimits;
  signal?: AbortSignal;
  /** The page's address, sent as Referer. */
  referer?: string;
  /** After each image, kept or not. */
  onImage?: (done: number, total: number) => void;
  /** Images the browser supplied, by absolute address (see `providedImages`): not downloaded. */
  provided?: ReadonlyMap<string, ProvidedImage>;
}

/** An image as the browser supplied it: its declared type and its bytes in base64. */
export interface ProvidedImage {
  type: string;
  data: string;
}

/**
 * The supplied images by absolute address, resolved against the page's address as the page's own
 * image addresses are; ones that are not http(s) addresses are left out. The first of a source wins.
 */
export function providedImages(
  images: readonly ({ src: string } & ProvidedImage)[],
  base: string | null,
): Map<string, ProvidedImage> {
  const bySource = new Map<string, ProvidedImage>();
  for (const { src, type, data } of images) {
    const url = parseHttpUrl(src, base ?? undefined)?.href;
    if (url !== undefined && !bySource.has(url)) bySource.set(url, { type, data });
  }
  return bySource;
}

/** One ClipImage per source, in order. */
export async function downloadImages(
  sources: readonly string[],
  batch: AssetBatch,
  { limits, signal, referer, onImage, provided }: DownloadOptions,
): Promise<ClipImage[]> {
  const images: ClipImage[] = sources.map((src) => ({ src, asset: null }));
  const wanted = Math.min(sources.length, limits.maxImages);
  for (const image of images.slice(wanted)) {
    image.error = `Not kept: a clip keeps at most ${limits.maxImages} images.`;
  }
  let clipBytes = 0;
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < wanted && !failed) {
      const image = images[next++] as ClipImage;
      try {
        const supplied = provided?.get(image.src);
        const fetched =
          supplied === undefined
            ? await fetchPage(image.src, {
                accept: 'image',
                timeoutMs: limits.timeoutMs,
                maxBytes: limits.maxImageBytes,
                signal,
                referer,
              })
            : { bytes: decodeProvided(supplied.data, limits.maxImageBytes), contentType: supplied.type };
        const ext = imageExtension(fetched.bytes, fetched.contentType);
        if (ext === null) {
          const declared = fetched.contentType ? mediaType(fetched.contentType) : 'no type';
          const sender = supplied === undefined ? 'the server' : 'the browser';
          throw new NotebookError('fetch_failed', `Not an image (${sender} sent ${declared}).`);
        }
        if (clipBytes + fetched.bytes.byteLength > limits.maxClipBytes) {
          throw new NotebookError(
            'too_large',
            `Not kept: the clip's images passed the ${formatBytes(limits.maxClipBytes)} limit.`,
          );
        }
        clipBytes += fetched.bytes.byteLength;
        image.asset = await batch.put(fetched.bytes, ext);
      } catch (error) {
        // Stopping (the library is closing) or a disk error fails the clip; anything else is this image's problem.
        if (signal?.aborted || !(error instanceof NotebookError)) {
          failed = true;
          throw error;
        }
        image.error = imageError(error);
      }
      onImage?.(++done, wanted);
    }
  };
  // Every worker settles before an error is thrown, so no write lands after the caller cleans up.
  const results = await Promise.allSettled(Array.from({ length: Math.min(CONCURRENCY, wanted) }, worker));
  const rejected = results.find((result) => result.status === 'rejected');
  if (rejected) throw rejected.reason;
  return images;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a supplied image; fetch_failed when the data is not base64, too_large past the per-image limit. */
function decodeProvided(data: string, maxBytes: number): Uint8Array {
  const text = data.replace(/\s+/g, '');
  const digits = text.replace(/=+$/, '').length;
  if (!BASE64.test(text) || digits % 4 === 1 || (text.includes('=') && text.length % 4 !== 0)) {
    throw new NotebookError('fetch_failed', 'The image the browser supplied is not valid base64 data.');
  }
  // Refused before decoding: the size follows from the length.
  if (Math.floor((digits * 3) / 4) > maxBytes) {
    throw new NotebookError('too_large', `The image is larger than ${formatBytes(maxBytes)}.`);
  }
  return Buffer.from(text, 'base64');
}

function imageError(error: NotebookError): string {
  if (error.code === 'too_large' && error.message.startsWith('The download')) {
    return error.message.replace('The download', 'The image');
  }
  return error.message;
}
