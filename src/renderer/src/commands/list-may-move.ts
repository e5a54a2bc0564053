import type { CommandContext } from './command';

/** Plain keys move the list only when they cannot be typing, and never inside the editor. */
export const listMayMove = ({ typing, area }: CommandContext): boolean => !typing && area !== 'editor';
