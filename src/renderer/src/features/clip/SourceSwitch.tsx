import type { ClipSource } from './use-clip-form';

const choices: { source: ClipSource; label: string }[] = [
  { source: 'url', label: 'Web address' },
  { source: 'html', label: 'Paste HTML' },
];

interface SourceSwitchProps {
  source: ClipSource;
  onChange: (source: ClipSource) => void;
}

/** Clip by address, or from the page's HTML: two radios drawn as a segmented control. */
export function SourceSwitch({ source, onChange }: SourceSwitchProps) {
  return (
    <div className="source-switch" role="radiogroup" aria-label="Clip from">
      {choices.map((choice) => (
        <label key={choice.source} className="source-switch__choice">
          <input
            type="radio"
            name="clip-source"
            value={choice.source}
            checked={source === choice.source}
            onChange={() => onChange(choice.source)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}
