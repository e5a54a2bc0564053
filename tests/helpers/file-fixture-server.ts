/** One fixture server shared by the tests of a file: started before the first, closed after the last. */
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from './fixture-server';

/**
 * Call at the top level of a test file. The server starts in `beforeAll`, so what this returns
 * works only inside tests and hooks.
 */
export function fixtureServerForFile(): FixtureServer {
  let server: FixtureServer | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  const started = (): FixtureServer => {
    if (server === undefined) throw new Error('The fixture server starts in beforeAll: use it inside tests.');
    return server;
  };
  return {
    get origin() {
      return started().origin;
    },
    get port() {
      return started().port;
    },
    get requests() {
      return started().requests;
    },
    url: (path) => started().url(path),
    set: (path, response) => started().set(path, response),
    hits: (path) => started().hits(path),
    headersOf: (path) => started().headersOf(path),
    close: () => started().close(),
  };
}
