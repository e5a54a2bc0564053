/** Back to the list; only shown when the window is narrow enough to show one pane at a time. */
export function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="button is-quiet back-button" onClick={onBack}>
      <span aria-hidden="true">←</span> Back to list
    </button>
  );
}
