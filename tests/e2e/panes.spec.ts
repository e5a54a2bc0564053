/** The sidebar and the list resize on their edges, by mouse or keyboard, and keep their widths. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/library';

/** The library on a window wide enough for all three panes. */
async function openWide(page: Page, url: string): Promise<LibraryPage> {
  await page.setViewportSize({ width: 1400, height: 900 });
  const library = new LibraryPage(page);
  await library.open(url);
  return library;
}

test('the list is widened by dragging its edge, narrowed with ←, kept after a reload and reset by a double-click', async ({
  page,
  served,
}) => {
  const library = await openWide(page, served.url);
  const listPane = page.getByRole('region', { name: 'List' });
  const edge = page.getByRole('separator', { name: 'Resize the list' });
  const width = async (): Promise<number> => Math.round((await listPane.boundingBox())?.width ?? 0);
  const before = await width();
  await expect(edge).toHaveAttribute('aria-valuenow', String(before));

  const box = await edge.boundingBox();
  if (!box) throw new Error('the list has no edge to drag');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(width).toBe(before + 60);

  await edge.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(width).toBe(before + 44);
  await page.keyboard.press('End');
  await expect.poll(width).toBe(600);
  await expect(edge).toHaveAttribute('aria-valuenow', '600');

  await page.reload();
  await expect(library.list).toBeVisible();
  await expect.poll(width).toBe(600);

  await edge.dblclick();
  await expect.poll(width).toBe(before);

  // The sidebar's edge works the same way.
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  const sidebarEdge = page.getByRole('separator', { name: 'Resize the sidebar' });
  await sidebarEdge.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(160);
});

test('Mod+\\ hides the sidebar and brings it back; Mod+F and the button at the list’s corner bring it back too', async ({
  page,
  served,
}) => {
  const library = await openWide(page, served.url);
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' });
  const showButton = page.getByRole('button', { name: 'Show the sidebar' });
  const listLeft = async (): Promise<number> =>
    Math.round((await page.getByRole('region', { name: 'List' }).boundingBox())?.x ?? -1);
  await expect(showButton).toBeHidden();

  await library.list.focus();
  await page.keyboard.press('ControlOrMeta+\\');
  await expect(sidebar).toBeHidden();
  await expect.poll(listLeft).toBe(0);
  await expect(showButton).toBeVisible();

  // Kept after a reload.
  await page.reload();
  await expect(library.list).toBeVisible();
  await expect(sidebar).toBeHidden();

  // Search lives in the sidebar: Mod+F shows it and puts the cursor in the box.
  await page.keyboard.press('ControlOrMeta+f');
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByRole('searchbox', { name: 'Search' })).toBeFocused();

  await library.list.focus();
  await page.keyboard.press('ControlOrMeta+\\');
  await expect(sidebar).toBeHidden();
  await showButton.click();
  await expect(sidebar).toBeVisible();
  await expect(showButton).toBeHidden();
});
