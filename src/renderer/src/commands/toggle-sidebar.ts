import { toggleSidebar as toggle } from '../features/layout/sidebar-shown';
import type { Command } from './command';

export const toggleSidebar: Command = {
  id: 'view.sidebar',
  label: 'Show or hide the sidebar',
  shortcut: ['Mod+\\'],
  when: () => true,
  run: () => toggle(),
};
