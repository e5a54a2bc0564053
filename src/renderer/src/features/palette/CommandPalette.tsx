import './palette.css';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Command, CommandContext } from '../../commands';
import { formatChord } from '../../commands/shortcuts';
import { useModal } from '../../lib/use-modal';
import { availableCommands, matchCommands } from './palette-match';

interface CommandPaletteProps {
  /** Where the person was when they opened it; null while it is closed. */
  context: CommandContext | null;
  commands: readonly Command[];
  onClose: () => void;
}

/**
 * Every command that can run here, with its shortcut, found by typing a few letters of its name;
 * Enter (or a click) runs it where the person was, ↑ ↓ move, Esc closes.
 */
export function CommandPalette({ context, commands, onClose }: CommandPaletteProps) {
  const field = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const listId = useId();
  const optionId = (index: number): string => `${listId}-${index}`;

  // Chosen from a list, not typed: commands that hold back while text is typed apply here.
  const here = context && { ...context, typing: false };
  const available = here
    ? availableCommands(commands, here).filter((e) => e.command.id !== 'app.palette')
    : [];
  const shown = matchCommands(available, query);
  const active = Math.min(selected, shown.length - 1);

  const close = (): void => {
    setQuery('');
    setSelected(0);
    onClose();
  };
  const dialog = useModal(context !== null, { onShown: () => field.current?.focus(), onClosed: close });

  const run = (index: number): void => {
    const entry = shown[index];
    if (!entry || !here) return;
    close();
    // Once the dialog has closed and given the focus back to where the person was.
    requestAnimationFrame(() => entry.command.run(here));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (shown.length > 0) setSelected((active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(active);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog palette"
      aria-label="Command palette"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <input
        ref={field}
        type="text"
        className="field__input palette__field"
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        placeholder="Type a command…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setSelected(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} className="palette__list" role="listbox" aria-label="Commands">
        {shown.map((entry, index) => (
          <li
            key={entry.command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'palette__option is-active' : 'palette__option'}
            onMouseMove={() => index !== active && setSelected(index)}
            onClick={() => run(index)}
          >
            <span className="palette__label">{entry.command.label}</span>
            {entry.shortcut.length > 0 && (
              <span className="palette__keys">
                {entry.shortcut.map((chord) => (
                  <kbd key={chord}>{formatChord(chord)}</kbd>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="palette__empty">No command matches “{query.trim()}”.</p>}
    </dialog>
  );
}
