declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin,
    strikethrough: TurndownService.Plugin,
    tables: TurndownService.Plugin,
    taskListItems: TurndownService.Plugin,
    highlightedCodeBlock: TurndownService.Plugin;
}
