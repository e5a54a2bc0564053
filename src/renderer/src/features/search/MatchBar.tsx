import './match-bar.css';
interface MatchBarProps {
  /** The matched words, as the search reported them. */
  words: readonly string[];
  count: number;
  /** The occurrence last stepped to, or null. */
  current: number | null;
  onStep: (step: 1 | -1) => void;
}

/** "3 matches for Keïta" over an item opened from search, with previous and next. */
export function MatchBar({ words, count, current, onStep }: MatchBarProps) {
  if (count === 0) return null;
  const unique = [...new Set(words)];
  return (
    <div className="match-bar" role="group" aria-label="Search matches">
      <p className="match-bar__text" title={unique.join(', ')}>
        {count === 1 ? '1 match' : `${count.toLocaleString()} matches`} for{' '}
        <span className="match-bar__words">{unique.join(', ')}</span>
      </p>
      <button
        type="button"
        className="match-bar__step"
        aria-label="Previous match"
        title="Previous match"
        onClick={() => onStep(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="match-bar__step"
        aria-label="Next match"
        title="Next match"
        onClick={() => onStep(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
      {/* After the buttons, so they stay put when it appears. */}
      {current !== null && (
        <span className="match-bar__position" aria-live="polite">
          {current + 1}/{count}
        </span>
      )}
    </div>
  );
}

/** The occurrence one step on from `current`, wrapping round at either end. */
export function stepMatch(current: number | null, step: 1 | -1, count: number): number {
  if (current === null) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
