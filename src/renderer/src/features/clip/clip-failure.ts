import { toErrorInfo, type ErrorCode } from '@shared/errors';

/** Why a clip could not be made, as a person should read it. */
export interface ClipFailure {
  code: ErrorCode;
  message: string;
}

/** Codes whose server message already says it best ("not found (HTTP 404)", "could not reach …"). */
const OWN_MESSAGE: ReadonlySet<ErrorCode> = new Set(['fetch_failed', 'not_html']);

const SENTENCES: Partial<Record<ErrorCode, string>> = {
  timeout: 'The page took too long to answer.',
  too_large: 'The page is too large to clip.',
  not_article: 'No article found on this page.',
  invalid_argument: 'That is not a web address.',
};

export function clipFailure(error: unknown): ClipFailure {
  const { code, message } = toErrorInfo(error);
  if (OWN_MESSAGE.has(code)) return { code, message: sentence(message) };
  return { code, message: SENTENCES[code] ?? message };
}

/** Server messages may start lower-case ("not found (HTTP 404)"); show them as a sentence. */
function sentence(message: string): string {
  const text = message.trim();
  if (text === '') return 'The page could not be fetched.';
  const first = text.charAt(0).toLocaleUpperCase() + text.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
