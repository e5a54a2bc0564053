/**
 * Pairing browser extensions with the library: an extension asks (name, origin), the app shows a
 * six-digit code that the extension shows too, the person approves or denies, and the extension
 * collects its token by polling. Requests live in memory for two minutes; paired extensions are
 * kept in library.json with their tokens hashed.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { NotebookError } from '../../shared/errors';
import type { NotebookEvent, PairedExtension, PairingRequest } from '../../shared/types';
import { randomId } from '../ids';
import type { OpenedLibrary } from '../open-library';
import {
  hashToken,
  isExtensionOrigin,
  newToken,
  publicView,
  readStoredExtensions,
  sameHash,
  writeStoredExtensions,
  type StoredExtension,
} from './paired-extensions';

export type PollStatus = 'pending' | 'approved' | 'denied' | 'expired';

/** How long a request waits for an answer, and an answer for the extension to collect it. */
export const REQUEST_LIFETIME_MS = 2 * 60_000;
/** Requests accepted per minute, from all extensions together. */
export const MAX_REQUESTS_PER_MINUTE = 5;
/** Unanswered requests at once. */
export const MAX_PENDING_REQUESTS = 3;
/** lastUsed is kept in memory at each use, and written at most this often per extension. */
const LAST_USED_SAVE_MS = 60_000;
const MAX_NAME_LENGTH = 100;

export interface PairingOptions {
  library: OpenedLibrary;
  clock: () => Date;
  /** Tells the app: a request arrived, or was answered or expired. */
  emit: (event: NotebookEvent) => void;
  /** Ids of paired extensions; default: random 12 characters [a-z0-9]. */
  newId?: () => string;
}

interface RequestEntry {
  request: PairingRequest;
  expiresAt: number;
  state: 'pending' | 'approved' | 'denied';
  /** While the approval is being saved: a second answer is refused, polls still see 'pending'. */
  answering: boolean;
  extensionId?: string;
  /** Until the first poll after approval collects it. */
  token?: string;
  timer: ReturnType<typeof setTimeout> | null;
}

export class ExtensionPairing {
  /** Where the clipper service listens (set by whoever runs it), or null. */
  clipperPort: number | null = null;

  private readonly extensions = new Map<string, StoredExtension>();
  private readonly requests = new Map<string, RequestEntry>();
  /** When each accepted request came, for the per-minute limit. */
  private recent: number[] = [];
  private readonly lastSaved = new Map<string, number>();
  private readonly writes = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly options: PairingOptions) {
    for (const extension of readStoredExtensions(options.library)) {
      this.extensions.set(extension.id, extension);
      const used = extension.lastUsed === null ? Number.NaN : Date.parse(extension.lastUsed);
      if (!Number.isNaN(used)) this.lastSaved.set(extension.id, used);
    }
  }

  /** A new pairing request from an extension: emits { type: 'pairing', request, requestId }. Throws NotebookError('rate_limited') past 5 requests a minute (overall) or when 3 are already pending; 'invalid_argument' for a bad name (1–100 chars after trimming) or an origin that is not chrome-extension://<32 a-p> or moz-extension://<uuid>. */
  request(input: { name: string; origin: string }): PairingRequest {
    if (this.closed) throw new NotebookError('internal', 'The library was closed.');
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (name.length < 1 || name.length > MAX_NAME_LENGTH) {
      throw new NotebookError(
        'invalid_argument',
        `An extension's name must be 1 to ${MAX_NAME_LENGTH} characters.`,
      );
    }
    if (typeof input.origin !== 'string' || !isExtensionOrigin(input.origin)) {
      throw new NotebookError(
        'invalid_argument',
        'Only a browser extension (chrome-extension:// or moz-extension://) can ask to be paired.',
      );
    }
    const now = this.prune();
    this.recent = this.recent.filter((time) => time > now - 60_000);
    if (this.recent.length >= MAX_REQUESTS_PER_MINUTE) {
      throw new NotebookError('rate_limited', 'Too many pairing requests: try again in a minute.');
    }
    if (this.pending().length >= MAX_PENDING_REQUESTS) {
      throw new NotebookError(
        'rate_limited',
        `${MAX_PENDING_REQUESTS} pairing requests are already waiting for an answer: answer them first.`,
      );
    }
    this.recent.push(now);
    const expiresAt = now + REQUEST_LIFETIME_MS;
    const request: PairingRequest = {
      requestId: randomBytes(16).toString('base64url'),
      name,
      origin: input.origin,
      code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      expires: new Date(expiresAt).toISOString(),
    };
    const entry: RequestEntry = { request, expiresAt, state: 'pending', answering: false, timer: null };
    this.requests.set(request.requestId, entry);
    this.schedule(entry, now);
    this.options.emit({ type: 'pairing', request: { ...request }, requestId: request.requestId });
    return { ...request };
  }

  /** What the extension that asked may know: the token only once (the first poll after approval), only to the same origin; 'expired' after 2 minutes or for an unknown id. */
  poll(
    requestId: string,
    origin: string,
  ): { status: PollStatus; token?: string; extension?: PairedExtension } {
    this.prune();
    const entry = this.requests.get(requestId);
    // Another origin learns nothing, and does not use up the token.
    if (entry === undefined || entry.request.origin !== origin) return { status: 'expired' };
    if (entry.state !== 'approved') return { status: entry.state };
    const extension = this.extensions.get(entry.extensionId as string);
    // Revoked before it was collected.
    if (extension === undefined) return { status: 'denied' };
    const token = entry.token;
    delete entry.token;
    return token === undefined
      ? { status: 'approved', extension: publicView(extension) }
      : { status: 'approved', token, extension: publicView(extension) };
  }

  /** The person's answer (emits { type: 'pairing', request: null, requestId }); approval makes the PairedExtension and its token, saved hashed in library.json; null when denied. Unknown/expired id: NotebookError('not_found'). */
  async answer(requestId: string, approve: boolean): Promise<PairedExtension | null> {
    const now = this.prune();
    const entry = this.requests.get(requestId);
    if (entry === undefined || entry.state !== 'pending' || entry.answering) {
      throw new NotebookError('not_found', 'That pairing request is no longer waiting for an answer.');
    }
    if (!approve) {
      this.settle(entry, 'denied', now);
      return null;
    }
    const token = newToken();
    const extension: StoredExtension = {
      id: this.newExtensionId(),
      name: entry.request.name,
      origin: entry.request.origin,
      paired: new Date(now).toISOString(),
      lastUsed: null,
      tokenHash: hashToken(token),
    };
    // Pairing again from the same origin (a reinstalled extension) replaces the old token.
    const replaced = [...this.extensions.values()].filter((e) => e.origin === extension.origin);
    for (const old of replaced) this.extensions.delete(old.id);
    this.extensions.set(extension.id, extension);
    entry.answering = true;
    try {
      await this.persist();
    } catch (error) {
      this.extensions.delete(extension.id);
      for (const old of replaced) this.extensions.set(old.id, old);
      throw error;
    } finally {
      entry.answering = false;
    }
    entry.extensionId = extension.id;
    entry.token = token;
    this.settle(entry, 'approved', this.options.clock().getTime());
    return publicView(extension);
  }

  /** The paired extension this token belongs to — and only if `origin` is its origin — or null. Records lastUsed (saved at most once a minute per extension). */
  verify(token: string, origin: string): PairedExtension | null {
    if (typeof token !== 'string' || token === '') return null;
    const hash = hashToken(token);
    let found: StoredExtension | null = null;
    // Every entry is compared, so the time taken does not tell which one matched.
    for (const extension of this.extensions.values()) {
      if (sameHash(extension.tokenHash, hash) && extension.origin === origin) found = extension;
    }
    if (found === null) return null;
    const now = this.options.clock().getTime();
    found.lastUsed = new Date(now).toISOString();
    const saved = this.lastSaved.get(found.id);
    if (!this.closed && (saved === undefined || now - saved >= LAST_USED_SAVE_MS)) {
      this.lastSaved.set(found.id, now);
      // Only a date: a failed save is retried by the next one, and must not fail the clip.
      this.persist().catch(() => undefined);
    }
    return publicView(found);
  }

  /** Removes the extension and its token at once; false if unknown. */
  async revoke(id: string): Promise<boolean> {
    if (!this.extensions.delete(id)) return false;
    this.lastSaved.delete(id);
    // Already refused in memory: if the save fails the caller hears, and the token still stays cut off.
    await this.persist();
    return true;
  }

  list(): { extensions: PairedExtension[]; requests: PairingRequest[] } {
    this.prune();
    return {
      extensions: [...this.extensions.values()].map(publicView),
      requests: this.pending().map((entry) => ({ ...entry.request })),
    };
  }

  /** Stops the expiry timers and waits for lastUsed saves, before the library's lock is released. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.requests.values()) if (entry.timer !== null) clearTimeout(entry.timer);
    this.requests.clear();
    await Promise.allSettled([...this.writes]);
  }

  private pending(): RequestEntry[] {
    return [...this.requests.values()].filter((entry) => entry.state === 'pending');
  }

  /** Drops expired requests (telling the app about unanswered ones); returns the time now. */
  private prune(): number {
    const now = this.options.clock().getTime();
    for (const [requestId, entry] of this.requests) {
      if (entry.expiresAt > now || entry.answering) continue;
      this.requests.delete(requestId);
      if (entry.timer !== null) clearTimeout(entry.timer);
      if (entry.state === 'pending') this.options.emit({ type: 'pairing', request: null, requestId });
    }
    return now;
  }

  // An answer keeps the entry for another lifetime, so the extension can still collect it.
  private settle(entry: RequestEntry, state: 'approved' | 'denied', now: number): void {
    entry.state = state;
    entry.expiresAt = now + REQUEST_LIFETIME_MS;
    this.schedule(entry, now);
    this.options.emit({ type: 'pairing', request: null, requestId: entry.request.requestId });
  }

  // The app hears of an unanswered request's expiry without anyone asking.
  private schedule(entry: RequestEntry, now: number): void {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.prune(), Math.max(0, entry.expiresAt - now) + 10);
    entry.timer.unref();
  }

  private newExtensionId(): string {
    const newId = this.options.newId ?? randomId;
    for (;;) {
      const id = newId();
      if (!this.extensions.has(id)) return id;
    }
  }

  private persist(): Promise<void> {
    const write = writeStoredExtensions(this.options.library, [...this.extensions.values()]);
    this.writes.add(write);
    void write.catch(() => undefined).then(() => this.writes.delete(write));
    return write;
  }
}
