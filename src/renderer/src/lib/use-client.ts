import { createContext, useContext } from 'react';
import type { NotebookClient } from '@shared/api';

const ClientContext = createContext<NotebookClient | null>(null);

/** Provides the notebook client (from `getClient()`) to every feature below it. */
export const ClientProvider = ClientContext.Provider;

/** The notebook client; features make every API call through it. */
export function useClient(): NotebookClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a ClientProvider above it.');
  return client;
}
