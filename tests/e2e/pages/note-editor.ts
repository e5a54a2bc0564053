import { expect, type Locator, type Page } from '@playwright/test';

/** The detail pane's note editor, and the read-only view of a note in the trash. */
export class NoteEditor {
  readonly root: Locator;
  readonly title: Locator;
  readonly body: Locator;
  readonly tagInput: Locator;
  readonly tagError: Locator;
  readonly saveStatus: Locator;
  readonly trashButton: Locator;
  readonly trashed: Locator;
  readonly restoreButton: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('article', { name: 'Note', exact: true });
    this.title = this.root.getByRole('textbox', { name: 'Title' });
    this.body = this.root.getByRole('textbox', { name: 'Body' });
    this.tagInput = this.root.getByRole('textbox', { name: 'Add tag' });
    this.tagError = this.root.getByRole('group', { name: 'Tags' }).getByRole('alert');
    this.saveStatus = page.getByRole('status', { name: 'Save status' });
    this.trashButton = this.root.getByRole('button', { name: 'Move to trash' });
    this.trashed = page.getByRole('article', { name: 'Note in the trash' });
    this.restoreButton = this.trashed.getByRole('button', { name: 'Restore' });
  }

  /** A tag on the open note, found by its remove button. */
  tag(name: string): Locator {
    return this.root.getByRole('button', { name: `Remove tag ${name}`, exact: true });
  }

  async addTag(name: string): Promise<void> {
    await this.tagInput.fill(name);
    await this.tagInput.press('Enter');
    await expect(this.tag(name)).toBeVisible();
  }

  /** The body editor's lines (it is not a form field, so it has no value to read). */
  get bodyLines(): Locator {
    return this.body.locator('.cm-line');
  }

  /** Expects the body to hold exactly this text. */
  async expectBody(text: string): Promise<void> {
    await expect(this.bodyLines).toHaveText(text.split('\n'));
  }

  async expectSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  /** Writes a whole note into the open editor and waits until the library has it. */
  async write(note: { title: string; body: string; tags?: string[] }): Promise<void> {
    await this.title.fill(note.title);
    await this.body.fill(note.body);
    for (const tag of note.tags ?? []) await this.addTag(tag);
    await this.expectSaved();
  }
}
