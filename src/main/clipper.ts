/** The desktop app runs the same local clipper service as `commonplace serve`, for browser extensions. */
import type { Notebook } from '../core';
import { startClipperService, type ClipperService } from '../server/clipper/service';

/** Starts the service on the default port (or one of the next nine); null, logged, if none is free. */
export async function startClipper(notebook: Notebook): Promise<ClipperService | null> {
  try {
    return await startClipperService({ notebook, log: (line) => console.error(line) });
  } catch (error) {
    console.error('The clipper service for browser extensions could not start:', error);
    return null;
  }
}
