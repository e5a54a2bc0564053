/** Settings → Appearance: light, dark or the system's choice, and the reading type; remembered across reloads. */
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

test('the colours follow the system until Settings fixes them, the reading type too, and both stay after a reload', async ({
  page,
  served,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const library = new LibraryPage(page);
  await library.open(served.url);
  const root = page.locator('html');
  const background = (): Promise<string> =>
    page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(dark).not.toBe(light);

  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('ControlOrMeta+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const colours = settings.getByRole('radiogroup', { name: 'Colours' });
  await expect(colours.getByRole('radio', { name: 'As the system' })).toBeChecked();
  await colours.getByRole('radio', { name: 'Dark' }).check();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await settings.getByRole('button', { name: 'Done' }).click();

  await page.reload();
  await expect(library.list).toBeVisible();
  await expect(root).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);

  await page.keyboard.press('ControlOrMeta+,');
  await colours.getByRole('radio', { name: 'As the system' }).check();
  await expect(root).not.toHaveAttribute('data-theme', /./);
  expect(await background()).toBe(light);

  // The reading type: serif unless sans serif is chosen.
  const readingType = settings.getByRole('radiogroup', { name: 'Reading type' });
  const textFont = (): Promise<string> =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font-text'));
  expect(await textFont()).toMatch(/serif$/);
  expect(await textFont()).not.toMatch(/sans-serif$/);
  await readingType.getByRole('radio', { name: 'Sans serif' }).check();
  expect(await textFont()).toMatch(/sans-serif$/);
  await page.reload();
  await expect(library.list).toBeVisible();
  expect(await textFont()).toMatch(/sans-serif$/);
});
