/**
 * Downloading a clip's images into the library's assets, a few at a time, within per-image and
 * per-clip limits. An image that cannot be kept is recorded with its reason; it never fails the clip.
 */
import { NotebookError } from '../shared/errors';
import type { ClipImage } from '../shared/types';
import type { AssetBatch } from './assets';
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
}

/** One ClipImage per source, in order. */
export async function downloadImages(
  sources: readonly string[],
  batch: AssetBatch,
  { limits, signal, referer, onImage }: DownloadOptions,
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
        const fetched = await fetchPage(image.src, {
          accept: 'image',
          timeoutMs: limits.timeoutMs,
          maxBytes: limits.maxImageBytes,
          signal,
          referer,
        });
        const ext = imageExtension(fetched.bytes, fetched.contentType);
        if (ext === null) {
          const declared = fetched.contentType === null ? 'no type' : mediaType(fetched.contentType);
          throw new NotebookError('fetch_failed', `Not an image (the server sent ${declared}).`);
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

function imageError(error: NotebookError): string {
  if (error.code === 'too_large' && error.message.startsWith('The download')) {
    return error.message.replace('The download', 'The image');
  }
  return error.message;
}
