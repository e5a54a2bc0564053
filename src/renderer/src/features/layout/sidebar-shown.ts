/** Whether the sidebar shows beside the list (Show or hide the sidebar, Mod+\); remembered. */
import { preference } from '../appearance/preference';

export const sidebarShown = preference<'shown' | 'hidden'>(
  'commonplace.sidebar',
  'sidebar',
  ['shown', 'hidden'],
  'shown',
);

export function toggleSidebar(): void {
  sidebarShown.set(sidebarHidden() ? 'shown' : 'hidden');
}

export function sidebarHidden(): boolean {
  return sidebarShown.get() === 'hidden';
}
