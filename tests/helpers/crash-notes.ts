/** What the crash writer saves, so the test can tell exactly what each acknowledged note must hold. */
export function crashNoteBody(index: number, version: 1 | 2): string {
  return `# Note ${index}, version ${version}\n\nKeïta à Niamey. ${'Sécurité et données. '.repeat(index % 40)}\n`;
}
