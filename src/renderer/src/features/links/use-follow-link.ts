import { useCallback } from 'react';
import type { Item, LinkEnd } from '@shared/types';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import type { FollowLink } from './wikilink-decorations';
import { titleKey } from './wikilink-ranges';

/** Where in its target a link points: a heading of a note, a highlight of a clip. */
export interface LinkAt {
  heading?: string;
  highlightId?: string;
}

/** Opens an item, at a place in it if the link names one. */
export type OpenAt = (target: string | Item, at?: LinkAt) => void;

/**
 * What following a link does: a link to an item opens it; a link to nothing yet creates the note
 * with that title and opens it. The library is asked again first, so a note made since the last
 * report is opened rather than made twice.
 */
export function useFollowLink(onOpen: OpenAt): FollowLink {
  const client = useClient();
  return useCallback(
    (link, resolved) => {
      const at: LinkAt = {};
      if (link.heading !== null) at.heading = link.heading;
      if (link.block !== null) at.highlightId = link.block;
      if (resolved) return onOpen(resolved.id, at);
      const find = async (): Promise<LinkEnd | null> => {
        const { candidates } = await client.completeLinks({ query: link.target, limit: 10 });
        const key = titleKey(link.target);
        return (
          candidates.find((candidate) => titleKey(candidate.title) === key) ??
          candidates.find((candidate) => candidate.alias !== null && titleKey(candidate.alias) === key) ??
          null
        );
      };
      const follow = async (): Promise<void> => {
        // Unknown (no report yet) must be looked up; unresolved is looked up but may go ahead without.
        const found = await find().catch((error: unknown) => {
          if (resolved === undefined) throw error;
          return null;
        });
        if (found) return onOpen(found.id, at);
        onOpen(await client.createNote({ title: link.target }));
      };
      follow().catch(reportError);
    },
    [client, onOpen],
  );
}
