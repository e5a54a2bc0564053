import { HIGHLIGHT_COLORS, type HighlightColor } from '@shared/types';

interface ColorPickerProps {
  /** The colour the highlight has now; none for a selection not yet highlighted. */
  current?: HighlightColor;
  /** The colour H uses, named on its button. */
  shortcutColor?: HighlightColor;
  onPick: (color: HighlightColor) => void;
}

/** The highlight colours, one round button each. */
export function ColorPicker({ current, shortcutColor, onPick }: ColorPickerProps) {
  return (
    <span className="hl-colors" role="group" aria-label="Colour">
      {HIGHLIGHT_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          className={`hl-color hl-color--${color}`}
          aria-label={current ? color : `Highlight ${color}`}
          aria-pressed={current ? current === color : undefined}
          aria-keyshortcuts={color === shortcutColor ? 'H' : undefined}
          title={color === shortcutColor ? `Highlight ${color} (H)` : current ? color : `Highlight ${color}`}
          onClick={() => onPick(color)}
        />
      ))}
    </span>
  );
}
