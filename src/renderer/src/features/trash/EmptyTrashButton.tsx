import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface EmptyTrashButtonProps {
  count: number;
  onEmpty: () => void;
}

/** "Empty trash", asking first: deleting for good cannot be undone. */
export function EmptyTrashButton({ count, onEmpty }: EmptyTrashButtonProps) {
  const [asking, setAsking] = useState(false);
  const noun = count === 1 ? '1 item' : `${count} items`;
  return (
    <>
      <button
        type="button"
        className="button is-quiet is-danger"
        disabled={count === 0}
        onClick={() => setAsking(true)}
      >
        Empty trash
      </button>
      <ConfirmDialog
        open={asking}
        title="Empty the trash?"
        message={`This deletes ${noun} for good. It cannot be undone.`}
        confirmLabel="Delete for good"
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          onEmpty();
        }}
      />
    </>
  );
}
