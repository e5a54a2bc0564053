import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { NotebookClient } from '@shared/api';
import { App } from './app/App';
import { applyStoredAppearance } from './features/appearance/theme';
import { ConnectScreen } from './app/ConnectScreen';
import { getClient } from './lib/api';
import { errorMessage } from './lib/errors';

function connect(): NotebookClient | string {
  try {
    return getClient();
  } catch (error) {
    return errorMessage(error);
  }
}

applyStoredAppearance();

const root = document.getElementById('root');
if (root) {
  const client = connect();
  createRoot(root).render(
    <StrictMode>
      {typeof client === 'string' ? <ConnectScreen message={client} /> : <App client={client} />}
    </StrictMode>,
  );
}
