import { useEffect, useLayoutEffect, useRef } from 'react';
import { activeArea, isDialogOpen, isTyping } from '../lib/focus';
import type { Command, CommandContext } from './command';
import { matches } from './shortcuts';

/**
 * The one keyboard handler: on each key press it finds the first command whose shortcut
 * matches and whose `when` holds, and runs it. `readContext` is called per key press, so
 * commands always see the current state.
 */
export function useKeyboard(
  commands: readonly Command[],
  readContext: () => Omit<CommandContext, 'area' | 'typing'>,
): void {
  const read = useRef(readContext);
  useLayoutEffect(() => {
    read.current = readContext;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || isDialogOpen()) return;
      const context: CommandContext = { ...read.current(), area: activeArea(), typing: isTyping() };
      const command = commands.find(
        (candidate) => candidate.shortcut.some((chord) => matches(event, chord)) && candidate.when(context),
      );
      if (!command) return;
      event.preventDefault();
      command.run(context);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands]);
}
