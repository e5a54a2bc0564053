import { useId } from 'react';
import { counted, type SummaryCount, type SummaryProblem } from './transfer-summary';

/** More problems than this are counted, not listed: the list is for reading, not for a log. */
const LISTED_PROBLEMS = 100;

interface TransferSummaryProps {
  /** The region's name: "Export summary", "Import summary". */
  label: string;
  headline: string;
  counts: SummaryCount[];
  problems: readonly SummaryProblem[];
}

/** What a finished export or import did: a sentence, its numbers, and each problem with why. */
export function TransferSummary({ label, headline, counts, problems }: TransferSummaryProps) {
  const problemsId = useId();
  const listed = problems.slice(0, LISTED_PROBLEMS);
  return (
    <section className="transfer-summary" aria-label={label}>
      <p className="transfer-summary__headline">{headline}</p>
      <ul className="transfer-stats">
        {counts.map((stat) => (
          <li key={stat.label} className={stat.count === 0 ? 'transfer-stat is-zero' : 'transfer-stat'}>
            <span className="transfer-stat__count">{stat.count.toLocaleString()}</span>{' '}
            <span className="transfer-stat__label">{stat.label}</span>
          </li>
        ))}
      </ul>
      {problems.length > 0 && (
        <>
          <h3 id={problemsId} className="transfer-problems__title">
            {counted(problems.length, 'problem')}
          </h3>
          <ul className="transfer-problems" aria-labelledby={problemsId}>
            {listed.map((problem, index) => (
              <li key={index} className="transfer-problem">
                <span className="transfer-problem__subject">{problem.subject}</span>
                <span className="transfer-problem__message">{problem.message}</span>
              </li>
            ))}
            {problems.length > listed.length && (
              <li className="transfer-problem is-more">and {problems.length - listed.length} more</li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
