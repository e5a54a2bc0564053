import { useCallback } from 'react';
import type { TagCount } from '@shared/types';
import { useClient } from '../../lib/use-client';
import { useLoaded } from '../../lib/use-loaded';

/** Every tag in use with its count, reloaded whenever `revision` moves on. */
export function useTags(revision: number): TagCount[] | null {
  const client = useClient();
  const load = useCallback(async () => (await client.listTags({})).tags, [client]);
  return useLoaded(load, revision);
}
