/**
 * The API under /api, derived from the contract: `GET /api` describes it, `POST /api/<method>`
 * calls `dispatch()` with the JSON body, `GET /api/events` streams events, `POST /api/session`
 * sets the asset cookie. No method name is written here by hand.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describeApi, dispatch, isMethodName, type NotebookApi } from '../shared/api';
import { NotebookError } from '../shared/errors';
import type { AssetSession } from './asset-session';
import type { EventStreams } from './events';
import { HttpError, isJsonContentType, readJsonBody, sendJson } from './http-util';

export interface ApiContext {
  notebook: NotebookApi;
  events: EventStreams;
  session: AssetSession;
}

/** Answers a request whose path is `/api` or starts with `/api/` (already authorised). */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  context: ApiContext,
): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  if (pathname === '/api' || pathname === '/api/') {
    requireMethod(req, 'GET');
    sendJson(res, 200, describeApi());
    return;
  }
  const name = pathname.slice('/api/'.length);
  if (name === 'events') {
    requireMethod(req, 'GET');
    context.events.attach(req, res);
    return;
  }
  if (name === 'session') {
    // Trades the token for the cookie that lets `<img>` load the library's assets.
    requireMethod(req, 'POST');
    res.statusCode = 204;
    res.setHeader('Set-Cookie', context.session.cookie());
    res.end();
    return;
  }
  if (!isMethodName(name)) {
    throw new NotebookError('unknown_method', `There is no method called "${name}".`);
  }
  requireMethod(req, 'POST');
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new HttpError(
      415,
      'invalid_argument',
      'Send the arguments as JSON with Content-Type: application/json.',
    );
  }
  const body = await readJsonBody(req);
  const result = await dispatch(context.notebook, name, body);
  sendJson(res, 200, result);
}

function requireMethod(req: IncomingMessage, method: 'GET' | 'POST'): void {
  if (req.method === method) return;
  throw new HttpError(405, 'invalid_argument', `Use ${method} for this route.`, { Allow: method });
}
