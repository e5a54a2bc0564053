/**
 * The extraction worker thread's entry (built beside the main and CLI bundles as
 * extract-worker.js / .cjs): answers each request from extractor.ts, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { handleRequest, type WorkerRequest } from './worker-protocol';

if (parentPort === null) throw new Error('extract-worker runs as a worker thread only.');
const port = parentPort;
port.on('message', (request: WorkerRequest) => {
  port.postMessage(handleRequest(request));
});
