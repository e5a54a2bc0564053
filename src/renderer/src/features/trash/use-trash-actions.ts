import { useCallback, useMemo, useState } from 'react';
import type { ItemSummary } from '@shared/types';
import { reportError, showNotice } from '../../lib/notice-store';
import { useClient } from '../../lib/use-client';

export interface TrashActions {
  /** The item last moved to the trash, which Undo brings back. */
  lastTrashed: string | null;
  moveToTrash: (item: Pick<ItemSummary, 'id' | 'title'>) => Promise<boolean>;
  restore: (id: string) => Promise<boolean>;
  undo: () => Promise<boolean>;
  emptyTrash: () => Promise<boolean>;
}

const titleOf = (title: string): string => title.trim() || 'Untitled';

/** Moving to the trash, restoring and emptying it; `changed` tells the workspace to refresh. */
export function useTrashActions(changed: (rev?: number) => void): TrashActions {
  const client = useClient();
  const [lastTrashed, setLastTrashed] = useState<string | null>(null);

  const restore = useCallback(
    async (id: string): Promise<boolean> => {
      try {
        const item = await client.restoreItem({ id });
        changed(item.rev);
        setLastTrashed((last) => (last === id ? null : last));
        showNotice({ tone: 'info', message: `Restored “${titleOf(item.title)}”.` });
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [client, changed],
  );

  const moveToTrash = useCallback(
    async ({ id, title }: Pick<ItemSummary, 'id' | 'title'>): Promise<boolean> => {
      try {
        const item = await client.trashItem({ id });
        changed(item.rev);
        setLastTrashed(id);
        showNotice({
          tone: 'info',
          message: `Moved “${titleOf(title)}” to the trash.`,
          action: { label: 'Undo', run: () => void restore(id) },
        });
        return true;
      } catch (error) {
        reportError(error);
        return false;
      }
    },
    [client, changed, restore],
  );

  const emptyTrash = useCallback(async (): Promise<boolean> => {
    try {
      const { purged } = await client.emptyTrash({});
      changed();
      setLastTrashed(null);
      showNotice({
        tone: 'info',
        message: purged === 1 ? 'Deleted 1 item for good.' : `Deleted ${purged} items for good.`,
      });
      return true;
    } catch (error) {
      reportError(error);
      return false;
    }
  }, [client, changed]);

  const undo = useCallback(async () => (lastTrashed ? restore(lastTrashed) : false), [lastTrashed, restore]);

  return useMemo(
    () => ({ lastTrashed, moveToTrash, restore, undo, emptyTrash }),
    [lastTrashed, moveToTrash, restore, undo, emptyTrash],
  );
}
