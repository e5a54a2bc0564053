import type { Clip } from '@shared/types';
import { formatLongDate } from '../../lib/format-date';

/** Under the article: when it was clipped, and any images that could not be kept offline. */
export function ClipFooter({ clip }: { clip: Clip }) {
  const missing = clip.images.filter((image) => image.asset === null);
  const reasons = missing.map((image) => `${image.src}: ${image.error ?? 'not saved'}`).join('\n');
  return (
    <p className="reader__dates">
      Clipped {formatLongDate(clip.clipped)}
      {missing.length > 0 && (
        <span title={reasons}>
          {' · '}
          {missing.length === 1
            ? '1 image could not be saved'
            : `${missing.length} images could not be saved`}
        </span>
      )}
    </p>
  );
}
