/** URL paths of the app's own pages as files: shared by the desktop window's protocol and the browser mode. */
import { sep } from 'node:path';

/**
 * A URL path as a relative file path, or null when any segment is empty, `.` or `..`,
 * undecodable, or smuggles a separator, a NUL or a drive colon in percent-encoding.
 */
export function safeRelativePath(pathname: string): string | null {
  if (!pathname.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join(sep);
}
