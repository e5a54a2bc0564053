import { useCallback, useEffect, useRef } from 'react';
import type { LibraryInfo } from '@shared/types';
import { useClient } from '../../lib/use-client';
import { useLoaded } from '../../lib/use-loaded';
import { showNotice } from '../../lib/notice-store';

/** The library's counts and state, reloaded whenever `revision` moves on. */
export function useLibraryInfo(revision: number): LibraryInfo | null {
  const client = useClient();
  const load = useCallback(() => client.getLibraryInfo({}), [client]);
  const info = useLoaded(load, revision);
  useRecoveryNotice(info);
  return info;
}

/** Says once if opening the library had to fall back to backups of damaged files. */
function useRecoveryNotice(info: LibraryInfo | null): void {
  const told = useRef(false);
  const recovered = info?.recoveries.length ?? 0;
  useEffect(() => {
    if (recovered === 0 || told.current) return;
    told.current = true;
    showNotice({
      tone: 'error',
      message:
        recovered === 1
          ? 'A library file was damaged. Commonplace opened its last good copy and kept the damaged one in the "damaged" folder.'
          : `${recovered} library files were damaged. Commonplace opened their last good copies and kept the damaged ones in the "damaged" folder.`,
    });
  }, [recovered]);
}
