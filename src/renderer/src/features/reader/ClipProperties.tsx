import { useId } from 'react';
import type { Clip } from '@shared/types';
import { clipProperties } from './clip-properties';

/** The side panel's "Properties": who, where and when, and the citation fields the page declared. */
export function ClipProperties({ clip }: { clip: Clip }) {
  const headingId = useId();
  return (
    <section className="clip-properties" aria-labelledby={headingId}>
      <h2 id={headingId} className="reader-panel__heading">
        Properties
      </h2>
      <dl className="clip-properties__list">
        {clipProperties(clip).map(({ label, value, href }) => (
          <div key={label} className="clip-properties__row">
            <dt>{label}</dt>
            <dd>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" title={href}>
                  {value}
                </a>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
