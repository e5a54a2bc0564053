import type { NotebookClient } from '@shared/api';
import { ClientProvider } from '../lib/use-client';
import { Workspace } from './Workspace';

/** The app for one library, given its notebook client. */
export function App({ client }: { client: NotebookClient }) {
  return (
    <ClientProvider value={client}>
      <Workspace />
    </ClientProvider>
  );
}
