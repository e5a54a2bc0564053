/** Which library a command works on, and calling it through the one contract. */
import { resolve } from 'node:path';
import { dispatch, type ApiResults, type ArgsIn, type MethodName, type NotebookApi } from '../shared/api';
import { createNotebook, defaultLibraryDir, type Notebook } from '../core';

export const LIBRARY_ENV = 'COMMONPLACE_LIBRARY';

/** `--library DIR`, else $COMMONPLACE_LIBRARY, else the desktop app's library; always absolute. */
export function resolveLibraryDir(
  option: string | undefined,
  env: Record<string, string | undefined>,
): string {
  const fromEnv = env[LIBRARY_ENV];
  const dir = option ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultLibraryDir());
  return resolve(dir);
}

/** Opens the library as `holder`, runs `use`, and always closes it (releasing the lock). */
export async function withNotebook<T>(
  dir: string,
  holder: string,
  use: (notebook: Notebook) => Promise<T>,
): Promise<T> {
  const notebook = await createNotebook({ dir, holder });
  try {
    return await use(notebook);
  } finally {
    await notebook.close();
  }
}

/** Calls a method the way every door does: validated by `dispatch`, typed by the contract. */
export function call<M extends MethodName>(
  notebook: NotebookApi,
  method: M,
  args: ArgsIn<M>,
): Promise<ApiResults[M]> {
  return dispatch(notebook, method, args) as Promise<ApiResults[M]>;
}
