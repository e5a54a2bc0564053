/**
 * `GET /api/events`: the notebook's events as Server-Sent Events, one `event: notebook` message
 * per NotebookEvent. A comment line goes out every ~15 s so idle proxies and clients can tell a
 * quiet stream from a dead one.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NotebookEvent } from '../shared/types';

export const HEARTBEAT_MS = 15_000;

// A client that stops reading must not make the server buffer events forever.
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface EventFeed {
  onEvent(listener: (event: NotebookEvent) => void): () => void;
}

/** The open event streams, so that closing the server can end them. */
export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(
    private readonly source: EventFeed,
    private readonly heartbeatMs = HEARTBEAT_MS,
  ) {}

  /** Answers the request with a stream that lasts until the client goes away or `closeAll`. */
  attach(req: IncomingMessage, res: ServerResponse): void {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    // Tells EventSource-style clients how soon to reconnect, and lets any client see the stream is live.
    res.write('retry: 2000\n: connected\n\n');
    this.open.add(res);

    const send = (chunk: string): void => {
      if (res.writableEnded || res.destroyed) return;
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        res.destroy();
        return;
      }
      res.write(chunk);
    };
    const unsubscribe = this.source.onEvent((event) => {
      send(`event: notebook\ndata: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => send(': heartbeat\n\n'), this.heartbeatMs);
    heartbeat.unref();

    let cleaned = false;
    const cleanup = (): void => {
      if (cleaned) return;
      cleaned = true;
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(res);
    };
    req.on('close', cleanup);
    res.on('close', cleanup);
    res.on('error', cleanup);
  }

  get size(): number {
    return this.open.size;
  }

  closeAll(): void {
    for (const res of this.open) res.end();
    this.open.clear();
  }
}
