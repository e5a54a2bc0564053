/** The core's public face: open a library, get a Notebook. */
export { createNotebook } from './notebook';
export type { Notebook, NotebookOptions } from './notebook';
export { defaultLibraryDir } from './paths';
export type { ClipperOptions } from './clip-service';
