import type { Clipper } from './use-clipper';

interface ClipStatusProps {
  clipper: Clipper;
  /** Something missing from the form, found before asking the library. */
  problem: string | null;
}

/** Under the fields: what the clipper is doing, or why it could not clip, with a way on. */
export function ClipStatus({ clipper, problem }: ClipStatusProps) {
  const { working, progress, failure } = clipper;
  if (working) {
    return (
      <div className="clip-status" role="status">
        {progress && progress.total > 0 ? (
          <progress
            className="clip-status__bar"
            aria-label="Clipping"
            max={progress.total}
            value={progress.done}
          />
        ) : (
          <progress className="clip-status__bar" aria-label="Clipping" />
        )}
        <p>{progress?.message || 'Fetching…'}</p>
      </div>
    );
  }
  const message = problem ?? failure?.message;
  if (!message) return <div className="clip-status" role="status" />;
  return (
    <div className="clip-status is-error" role="alert">
      <p>{message}</p>
      {!problem && failure?.code === 'not_article' && (
        <button type="button" className="button" onClick={clipper.keepWholePage}>
          Keep the whole page
        </button>
      )}
    </div>
  );
}
