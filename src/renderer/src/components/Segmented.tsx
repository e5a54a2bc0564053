interface SegmentedProps<Value extends string> {
  /** What the group chooses, for screen readers ("Import from"). */
  label: string;
  /** The radios' name: unique on the page. */
  name: string;
  choices: readonly { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
}

/** A few exclusive choices: radios (arrow keys move between them) drawn as a segmented control. */
export function Segmented<Value extends string>({
  label,
  name,
  choices,
  value,
  onChange,
}: SegmentedProps<Value>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {choices.map((choice) => (
        <label key={choice.value} className="segmented__choice">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
