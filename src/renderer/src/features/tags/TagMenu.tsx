import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface TagMenuAction {
  label: string;
  run: () => void;
}

interface TagMenuProps {
  /** The menu's accessible name (`Actions for #sahel`). */
  label: string;
  actions: readonly TagMenuAction[];
  onClose: (returnFocus: boolean) => void;
}

/**
 * A small menu under a tag: the first action has focus, ↑/↓ move, Enter runs, Esc or a click
 * elsewhere closes it.
 */
export function TagMenu({ label, actions, onClose }: TagMenuProps) {
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent): void => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      // Ours, not the workspace's (which would leave search or the editor).
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    } else if (event.key === 'Tab') {
      onClose(false);
    }
  };

  return (
    <ul ref={menu} className="tag-menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
      {actions.map((action) => (
        <li key={action.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="tag-menu__item"
            onClick={() => {
              onClose(false);
              action.run();
            }}
          >
            {action.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
