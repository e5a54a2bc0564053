import './appearance.css';
import { useId } from 'react';
import { Segmented } from '../../components/Segmented';
import { readingFont, theme, type ReadingFont, type Theme } from './theme';

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const fonts: { value: ReadingFont; label: string }[] = [
  { value: 'serif', label: 'Serif' },
  { value: 'sans', label: 'Sans serif' },
];

/** The "Appearance" section of Settings: light, dark or as the system; the reading type. */
export function AppearanceSettings() {
  const colours = theme.use();
  const font = readingFont.use();
  const headingId = useId();
  return (
    <section className="appearance-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings__heading">
        Appearance
      </h3>
      <div className="appearance-settings__rows">
        <Segmented
          label="Colours"
          name="theme"
          choices={themes}
          value={colours}
          onChange={(value) => theme.set(value)}
        />
        <Segmented
          label="Reading type"
          name="reading-font"
          choices={fonts}
          value={font}
          onChange={(value) => readingFont.set(value)}
        />
      </div>
    </section>
  );
}
