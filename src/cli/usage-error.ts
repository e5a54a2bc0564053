/** A mistake in how the command was called: exit code 2, with the command's usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage to show; undefined shows the general help. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
