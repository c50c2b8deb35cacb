/**
 * @module store/checkpointer
 * Copies the write-ahead log back into the database file from a worker thread, on its own
 * connection, every CHECKPOINT_EVERY_MS. A checkpoint fsyncs the log and then the database; left to
 * SQLite's auto-checkpoint it ran inside whichever request's commit crossed 1000 pages. PASSIVE
 * checkpoints neither wait for nor block the writer. With synchronous=NORMAL the log is synced only
 * by checkpoints, so the timer also bounds how long a commit stays unsynced, at any write rate.
 * While this thread runs, the store's own connection syncs nothing (synchronous=OFF, no
 * auto-checkpoint): a writer at NORMAL fsyncs the log's header each time it starts the log
 * over after a checkpoint, stalling that one request 20–40 ms here. This thread's checkpoint
 * syncs the whole log (every connection's frames) before copying it and the database after, so a
 * commit is synced within CHECKPOINT_EVERY_MS as before. Should the thread fail or stop, the
 * store goes back to NORMAL with its own auto-checkpoint (`onFailure`).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { logger } from '../core/log.ts';

const log = logger('store');

export const CHECKPOINT_EVERY_MS = 200;

const driver = createRequire(import.meta.url).resolve('better-sqlite3');

// Plain CommonJS, as the worker runs without the TypeScript loader.
const source = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
let failed = false;
const timer = setInterval(() => {
  try {
    checkpoint.get();
    failed = false;
  } catch (err) {
    if (!failed) parentPort.postMessage(String(err && err.message));
    failed = true;
  }
}, workerData.everyMs);
// Closed on request, so the store's own connection is the last and removes the log as it closes.
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** How long a stopping thread may take to close its connection before it is terminated. */
const STOP_WAIT_MS = 5_000;

/**
 * Starts the checkpointing thread for the database at `file`; the returned function stops it and
 * resolves once its connection is closed.
 */
export function startCheckpointer(file: string, onFailure: () => void): () => Promise<void> {
  const worker = new Worker(source, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  worker.unref();
  let stopping = false;
  worker.on('message', (message) => {
    log.warn(`checkpoint of ${file} failed: ${message}; the store's own auto-checkpoint takes over`);
    onFailure();
  });
  worker.on('error', (err) => {
    log.warn(`the checkpoint thread for ${file} stopped: ${err.message}; the store's own auto-checkpoint takes over`);
    onFailure();
  });
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      if (!stopping) onFailure();
      resolve();
    }),
  );
  return async () => {
    stopping = true;
    // Held while it stops, or a process with nothing else to do would exit before the connection closes.
    worker.ref();
    worker.postMessage('stop');
    const late = setTimeout(() => void worker.terminate(), STOP_WAIT_MS).unref();
    await exited;
    clearTimeout(late);
  };
}
