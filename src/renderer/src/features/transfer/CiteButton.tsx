import { openTransfer } from './transfer-store';

/** A toolbar button: the item's citation as BibTeX or CSL-JSON, in a dialog. */
export function CiteButton({ id }: { id: string }) {
  return (
    <button
      type="button"
      className="button is-quiet"
      onClick={() => openTransfer({ kind: 'cite', ids: [id] })}
    >
      Cite
    </button>
  );
}
