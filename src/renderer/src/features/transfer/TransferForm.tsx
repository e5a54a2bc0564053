import { useId, type ReactNode } from 'react';
import { failureSentence } from './transfer-summary';

interface TransferFormProps {
  /** The button that starts the job: "Export" or "Import". */
  action: string;
  /** What is wrong with the form (said as it is); null when nothing is. */
  problem: string | null;
  /** Why the last attempt failed (said as the job's failure); null when it did not. */
  failure: string | null;
  noun: 'export' | 'import';
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** The form of the export and import dialogs: its fields, what went wrong, then Cancel and the action. */
export function TransferForm({
  action,
  problem,
  failure,
  noun,
  onSubmit,
  onCancel,
  children,
}: TransferFormProps) {
  const error = problem ?? (failure === null ? null : failureSentence(noun, failure));
  return (
    <form
      className="transfer-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      {error !== null && (
        <p className="transfer-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button is-primary">
          {action}
        </button>
      </div>
    </form>
  );
}

interface PathFieldProps {
  label: string;
  placeholder: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
  /** What the path is for, said under the field. */
  hint: string;
}

/** A folder or file path typed in full (the library may be on another computer than the browser). */
export function PathField({ label, placeholder, value, invalid, onChange, hint }: PathFieldProps) {
  const hintId = useId();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="text"
        className="field__input transfer-path"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={value}
        aria-describedby={hintId}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={hintId} className="field__hint">
        {hint}
      </span>
    </label>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What ticking it does, said under it. */
  hint: string;
}

/** A checkbox with a sentence under it. */
export function CheckField({ label, checked, onChange, hint }: CheckFieldProps) {
  const hintId = useId();
  return (
    <>
      <label className="transfer-check">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span>{label}</span>
      </label>
      <p id={hintId} className="field__hint transfer-check__hint">
        {hint}
      </p>
    </>
  );
}
