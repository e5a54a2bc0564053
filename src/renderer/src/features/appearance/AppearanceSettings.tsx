import { useId } from 'react';
import { Segmented } from '../../components/Segmented';
import { setTheme, useTheme, type Theme } from './theme';

const themes: { value: Theme; label: string }[] = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The "Appearance" section of Settings: light, dark, or following the system. */
export function AppearanceSettings() {
  const theme = useTheme();
  const headingId = useId();
  return (
    <section className="appearance-settings" aria-labelledby={headingId}>
      <h3 id={headingId} className="settings__heading">
        Appearance
      </h3>
      <Segmented
        label="Colours"
        name="theme"
        choices={themes}
        value={theme}
        onChange={(value) => setTheme(value)}
      />
    </section>
  );
}
