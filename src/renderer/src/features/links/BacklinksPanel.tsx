import './links.css';
import { useState } from 'react';
import type { LinkContext } from '@shared/types';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import { useItemLinks } from './use-item-links';

interface BacklinksPanelProps {
  itemId: string;
  /** Opens an item (a note that links here) by id. */
  onOpen: (id: string) => void;
}

function ContextLine({ entry }: { entry: LinkContext }) {
  return <p className="backlinks__context">{entry.context.trim() || '…'}</p>;
}

/**
 * The notes that link to an item, each with the line the link is on, and the notes that name it
 * without linking, each with a button that turns the mention into a link.
 */
export function BacklinksPanel({ itemId, onOpen }: BacklinksPanelProps) {
  const client = useClient();
  const { report, problem, refresh } = useItemLinks(itemId);
  const [linking, setLinking] = useState<string | null>(null);

  const linkIt = (entry: LinkContext, key: string): void => {
    setLinking(key);
    client
      .linkMention({ noteId: entry.source.id, targetId: itemId, line: entry.line })
      .catch(reportError)
      .finally(() => {
        setLinking(null);
        refresh();
      });
  };

  const backlinks = report?.backlinks ?? [];
  const mentions = report?.unlinkedMentions ?? [];
  return (
    <section className="backlinks" aria-label="Backlinks">
      <h2 className="backlinks__heading">
        Backlinks <span className="backlinks__count">({backlinks.length})</span>
      </h2>
      {problem && !report ? (
        <p className="backlinks__empty">Links could not be read: {problem}</p>
      ) : !report ? (
        <p className="backlinks__empty">Looking for links…</p>
      ) : backlinks.length === 0 ? (
        <p className="backlinks__empty">No notes link here yet.</p>
      ) : (
        <ul className="backlinks__list" aria-label="Notes linking here">
          {backlinks.map((entry) => (
            <li key={`${entry.source.id}:${entry.line}`} className="backlinks__entry">
              <button type="button" className="backlinks__source" onClick={() => onOpen(entry.source.id)}>
                {entry.source.title || 'Untitled'}
              </button>
              <ContextLine entry={entry} />
            </li>
          ))}
        </ul>
      )}
      {report && (
        <>
          <h2 className="backlinks__heading">
            Unlinked mentions <span className="backlinks__count">({mentions.length})</span>
          </h2>
          {mentions.length === 0 ? (
            <p className="backlinks__empty">No other notes mention this title.</p>
          ) : (
            <ul className="backlinks__list" aria-label="Unlinked mentions">
              {mentions.map((entry) => {
                const key = `${entry.source.id}:${entry.line}`;
                const title = entry.source.title || 'Untitled';
                return (
                  <li key={key} className="backlinks__entry">
                    <div className="backlinks__row">
                      <button
                        type="button"
                        className="backlinks__source"
                        onClick={() => onOpen(entry.source.id)}
                      >
                        {title}
                      </button>
                      <button
                        type="button"
                        className="button is-quiet backlinks__link-it"
                        aria-label={`Link it in ${title}`}
                        disabled={linking !== null}
                        onClick={() => linkIt(entry, key)}
                      >
                        {linking === key ? 'Linking…' : 'Link it'}
                      </button>
                    </div>
                    <ContextLine entry={entry} />
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
