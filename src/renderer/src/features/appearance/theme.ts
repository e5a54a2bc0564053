/** The colours: light, dark, or as the system says (theme.css reads `data-theme`). */
import { sidebarShown } from '../layout/sidebar-shown';
import { preference } from './preference';

export type Theme = 'system' | 'light' | 'dark';

export const theme = preference<Theme>('commonplace.theme', 'theme', ['system', 'light', 'dark'], 'system');

/** The type articles and notes are read in (theme.css reads `data-reading-font`). */
export type ReadingFont = 'serif' | 'sans';

export const readingFont = preference<ReadingFont>(
  'commonplace.reading-font',
  'readingFont',
  ['serif', 'sans'],
  'serif',
);

/** Puts every remembered choice of how the app looks (the sidebar's too) on the page: call once, before the first render. */
export function applyStoredAppearance(): void {
  theme.applyStored();
  readingFont.applyStored();
  sidebarShown.applyStored();
}
