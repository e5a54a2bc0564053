import { useState } from 'react';
import type { LinksReport } from '@shared/types';
import { reportError } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';
import type { NoteDraft } from './note-draft';

/** A rename waiting for the person to say whether the links to the note should follow. */
export interface PendingRename {
  title: string;
  notes: number;
  links: number;
}

export interface TitleRename {
  /** What the title field shows: the title being typed, or the draft's. */
  value: (draftTitle: string) => string;
  change: (title: string) => void;
  /** The title field was left: save the title, asking first if links point at the note. */
  commit: () => void;
  asking: PendingRename | null;
  confirm: () => void;
  cancel: () => void;
}

/**
 * Titles of notes nothing links to save as they are typed, as before. Once other notes link to
 * this one, a new title is held until the field is left, then (if links would change) the person
 * is asked whether to rename and rewrite those links, so a link never silently breaks.
 */
export function useTitleRename(draft: NoteDraft, report: LinksReport | null): TitleRename {
  const client = useClient();
  const [typed, setTyped] = useState<string | null>(null);
  const [asking, setAsking] = useState<PendingRename | null>(null);
  const linked = (report?.backlinks.length ?? 0) > 0;

  const saveTitle = (title: string): void => {
    setTyped(null);
    draft.edit({ title });
    void draft.flush();
  };

  const commit = (): void => {
    if (typed === null || asking) return;
    const title = typed.trim();
    if (!title || title === draft.getSnapshot().title) return setTyped(null);
    client
      .renameItem({ id: draft.id, title, dryRun: true })
      .then(({ notesChanged, linksChanged }) => {
        if (linksChanged === 0) saveTitle(title);
        else setAsking({ title, notes: notesChanged, links: linksChanged });
      })
      // Links cannot be counted: save the title as a plain edit rather than lose it.
      .catch(() => saveTitle(title));
  };

  const confirm = (): void => {
    if (!asking) return;
    const { title } = asking;
    setAsking(null);
    const rename = async (): Promise<void> => {
      if (!(await draft.flush())) return;
      await client.renameItem({ id: draft.id, title, dryRun: false });
      await draft.reload();
    };
    rename()
      .catch(reportError)
      .finally(() => setTyped(null));
  };

  return {
    value: (draftTitle) => typed ?? draftTitle,
    change: (title) => (linked || typed !== null ? setTyped(title) : draft.edit({ title })),
    commit,
    asking,
    confirm,
    cancel: () => {
      setAsking(null);
      setTyped(null);
    },
  };
}

/** "Rename and update 3 links in 2 notes?" */
export function renameQuestion({ notes, links }: PendingRename): string {
  const linkWord = links === 1 ? '1 link' : `${links} links`;
  const noteWord = notes === 1 ? '1 note' : `${notes} notes`;
  return `Rename and update ${linkWord} in ${noteWord}?`;
}
