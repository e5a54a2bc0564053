/**
 * Key chords as commands write them (`Mod+Shift+N`, `J`, `ArrowDown`): matching a keyboard
 * event against one, and showing one to a person. `Mod` is Cmd on macOS and Ctrl elsewhere.
 */
interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function parse(chord: string): Chord {
  const parts = chord.split('+');
  const key = parts[parts.length - 1] ?? '';
  return {
    mod: parts.includes('Mod'),
    shift: parts.includes('Shift'),
    alt: parts.includes('Alt'),
    key: key.toLowerCase(),
  };
}

/** True when the event is exactly this chord: the same key and no extra modifiers. */
export function matches(event: KeyboardEvent, chord: string): boolean {
  const want = parse(chord);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  return (
    event.key.toLowerCase() === want.key &&
    mod === want.mod &&
    !otherMod &&
    event.shiftKey === want.shift &&
    event.altKey === want.alt
  );
}

const keyNames: Record<string, string> = {
  arrowdown: '↓',
  arrowup: '↑',
  arrowleft: '←',
  arrowright: '→',
  backspace: isMac ? '⌫' : 'Backspace',
  escape: 'Esc',
  enter: isMac ? '↩' : 'Enter',
};

/** The chord as people read it: `⌘N` on macOS, `Ctrl+N` elsewhere. */
export function formatChord(chord: string): string {
  const { mod, shift, alt, key } = parse(chord);
  const name = keyNames[key] ?? key.toUpperCase();
  if (isMac) return `${alt ? '⌥' : ''}${shift ? '⇧' : ''}${mod ? '⌘' : ''}${name}`;
  return [mod && 'Ctrl', alt && 'Alt', shift && 'Shift', name].filter(Boolean).join('+');
}

/** The chord in `aria-keyshortcuts` syntax (`Control+N`, `Meta+N`). */
export function ariaChord(chord: string): string {
  return chord.replace('Mod', isMac ? 'Meta' : 'Control');
}

/** A command's main shortcut, for showing on its button. */
export interface ShortcutHint {
  label: string;
  aria: string;
}

export function shortcutHint(shortcut: readonly string[]): ShortcutHint {
  const chord = shortcut[0] ?? '';
  return { label: formatChord(chord), aria: ariaChord(chord) };
}
