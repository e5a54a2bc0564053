/** Light, dark, or the system's choice, from Settings → Appearance; remembered across reloads. */
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

test('the colours follow the system until Settings fixes them, and stay fixed after a reload', async ({
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
});
