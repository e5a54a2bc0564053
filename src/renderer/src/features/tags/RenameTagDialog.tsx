import { useId, useRef, useState } from 'react';
import type { TagNode } from '@shared/types';
import { errorMessage } from '../../lib/errors';
import { useModal } from '../../lib/use-modal';
import { itemCount, planRename } from './tag-tree';

interface RenameTagDialogProps {
  /** The tag to rename, or null while the dialog is closed. */
  tag: TagNode | null;
  /** Every tag, to tell a rename from a merge. */
  nodes: readonly TagNode[];
  onRename: (from: string, to: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for a tag's new name, says how many items change, and merges when the name is taken. */
export function RenameTagDialog({ tag, nodes, onRename, onClose }: RenameTagDialogProps) {
  const field = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const nameId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The field starts from the tag's name as the dialog opens for it, set while rendering: set once
  // the dialog was shown, it could overwrite what was typed in between.
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if ((tag?.name ?? null) !== openedFor) {
    setOpenedFor(tag?.name ?? null);
    setTyped(tag?.name ?? '');
    setFailure(null);
  }

  const dialog = useModal(tag !== null, {
    onShown: () => requestAnimationFrame(() => field.current?.select()),
    onClosed: onClose,
  });

  const plan = tag === null ? null : planRename(nodes, tag.name, typed);

  const submit = async (): Promise<void> => {
    if (tag === null || saving || (plan?.kind !== 'rename' && plan?.kind !== 'merge')) return;
    setSaving(true);
    try {
      await onRename(tag.name, plan.to);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const hint = (): string => {
    if (tag === null || plan === null) return '';
    if (failure) return failure;
    if (plan.kind === 'invalid') return plan.message;
    const nested = tag.children.length > 0 ? ' or a tag under it' : '';
    const changes = `${itemCount(tag.count)} tagged #${tag.name}${nested} will change (items in the trash too).`;
    return plan.kind === 'merge'
      ? `#${plan.to} exists already: the two tags will be merged. ${changes}`
      : changes;
  };
  const invalid = failure !== null || plan?.kind === 'invalid';

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
      {tag !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2 id={titleId} className="dialog__title">
            Rename #{tag.name}
          </h2>
          <div className="field">
            <label className="field__label" htmlFor={nameId}>
              New name
            </label>
            <input
              ref={field}
              id={nameId}
              className="field__input"
              type="text"
              value={typed}
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid}
              aria-describedby={hintId}
              onChange={(event) => {
                setTyped(event.target.value);
                setFailure(null);
              }}
            />
          </div>
          <p
            id={hintId}
            className={invalid ? 'rename-tag__hint is-error' : 'rename-tag__hint'}
            aria-live="polite"
          >
            {hint()}
          </p>
          <div className="dialog__actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button is-primary"
              disabled={saving || plan === null || (plan.kind !== 'rename' && plan.kind !== 'merge')}
            >
              {plan?.kind === 'merge' ? 'Merge' : 'Rename'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
