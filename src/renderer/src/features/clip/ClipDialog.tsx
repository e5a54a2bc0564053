import './clip.css';
import { useEffect, useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import { Segmented } from '../../components/Segmented';
import { useModal } from '../../lib/use-modal';
import { TagEditor } from '../tags/TagEditor';
import { ClipStatus } from './ClipStatus';
import { HtmlSource } from './HtmlSource';
import { useClipForm, type ClipSource } from './use-clip-form';
import type { Clipper } from './use-clipper';

const clipSources: { value: ClipSource; label: string }[] = [
  { value: 'url', label: 'Web address' },
  { value: 'html', label: 'Paste HTML' },
];

/** Fields where a paste is ordinary typing, never a page to clip. */
const isPlainField = (target: EventTarget): boolean =>
  target instanceof HTMLElement && target.closest('[data-plain-paste]') !== null;

/** A saved page (a file) or a link dragged from a browser; dragged text is left to the fields. */
const isPageDrag = (data: DataTransfer): boolean =>
  data.types.includes('Files') || data.types.includes('text/uri-list');

interface ClipDialogProps {
  clipper: Clipper;
  /** A page sent by the bookmarklet (features/clipper), to fill the form with once. */
  prefill?: { html: string; url: string } | null;
  onPrefilled?: () => void;
}

/** The modal that takes a web address, pasted HTML or a saved page, and clips it. */
export function ClipDialog({ clipper, prefill = null, onPrefilled }: ClipDialogProps) {
  const { dialogOpen, working } = clipper;
  const form = useClipForm();
  const { takePage } = form;
  useEffect(() => {
    if (!prefill) return;
    takePage(prefill);
    onPrefilled?.();
  }, [prefill, takePage, onPrefilled]);
  const urlField = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const titleId = useId();
  const urlHintId = useId();
  const { source, reset } = form;

  // A clip made from what was entered: the next visit starts empty.
  const wasWorking = useRef(working);
  useEffect(() => {
    if (wasWorking.current && !working && !clipper.failure) reset();
    wasWorking.current = working;
  }, [working, clipper.failure, reset]);

  // Cancelled: the next visit starts empty. Closed while working: the job goes on and resets it.
  const close = (): void => {
    if (!working) reset();
    clipper.closeDialog();
  };
  const dialog = useModal(dialogOpen, {
    onShown: () => {
      if (source === 'url') urlField.current?.focus();
    },
    onClosed: close,
  });

  const onPaste = (event: ClipboardEvent<HTMLFormElement>): void => {
    if (working || isPlainField(event.target)) return;
    if (form.takePaste(event.clipboardData)) event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLFormElement>): void => {
    if (!isPageDrag(event.dataTransfer)) return;
    event.preventDefault();
    setDragging(false);
    if (working) return;
    const file = event.dataTransfer.files[0];
    if (file) void form.takeFile(file);
    else form.takeLink(event.dataTransfer.getData('text/uri-list'));
  };

  return (
    <dialog
      ref={dialog}
      className="dialog clip-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <form
        className={dragging ? 'clip-form is-dragging' : 'clip-form'}
        onSubmit={(event) => {
          event.preventDefault();
          const request = form.request();
          if (request) clipper.clip(request);
        }}
        onPaste={onPaste}
        onDragOver={(event) => {
          if (!isPageDrag(event.dataTransfer)) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <h2 id={titleId} className="dialog__title">
          Clip a web page
        </h2>
        <fieldset className="clip-form__fields" disabled={working}>
          <Segmented
            label="Clip from"
            name="clip-source"
            choices={clipSources}
            value={source}
            onChange={form.setSource}
          />
          {source === 'url' ? (
            <label className="field">
              <span className="field__label">Web address</span>
              <input
                ref={urlField}
                type="text"
                inputMode="url"
                className="field__input"
                placeholder="https://"
                autoComplete="off"
                spellCheck={false}
                value={form.url}
                aria-describedby={urlHintId}
                onChange={(event) => form.setUrl(event.target.value)}
              />
              <span id={urlHintId} className="field__hint">
                Paste a link, or paste a part of a page you copied to clip its HTML.
              </span>
            </label>
          ) : (
            <HtmlSource form={form} />
          )}
          <div className="field" data-plain-paste>
            <span className="field__label">Tags (optional)</span>
            <TagEditor
              tags={form.tags}
              onAdd={(tags) => form.setTags([...form.tags, ...tags])}
              onRemove={(tag) => form.setTags(form.tags.filter((t) => t !== tag))}
            />
          </div>
        </fieldset>
        <ClipStatus clipper={clipper} problem={form.problem} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            {working ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="button is-primary" disabled={working}>
            Clip
          </button>
        </div>
      </form>
    </dialog>
  );
}
