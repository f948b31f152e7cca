// WAL checkpoints mostly in a worker thread (docs/decisions/0005). SQLite copies the WAL back into the
// database file every thousand pages, inside whichever commit crosses the mark: on the server that is
// a group of bids, which waits for the copy and its fsync. A second connection on its own thread now
// copies what it can (PASSIVE: it never blocks the writer or a reader), every 20 ms while commits keep
// coming and every 250 ms once they have stopped. It cannot finish while bids keep coming, and only a
// checkpoint that finishes lets the WAL start again from its beginning, so the server's connection
// still checkpoints, every 16,000 pages (64 MB of WAL, the journal's size limit) instead of 1,000,
// finding all but the last few milliseconds' pages already copied: under the bid load such a commit
// waited up to 15–23 ms when the worker came every 250 ms and the connection every 4,000 pages, 4–6 ms
// now, four times rarer. If the worker stops, the connection goes back to SQLite's default.
import 'server-only';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { type Db, sqliteOf } from '@/db/client';

/** SQLite's own default, restored if the worker stops. */
const AUTO_CHECKPOINT_PAGES = 1000;
/** While the worker runs: the connection's own checkpoints, rarer and short. */
const AUTO_CHECKPOINT_PAGES_WITH_WORKER = 16_000;

// Plain JavaScript run as the worker's source: the server is one bundled file, tests run TypeScript.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('synchronous = NORMAL');
// data_version moves whenever another connection has committed since this one last looked.
const dataVersion = db.prepare('pragma data_version').pluck();
let lastVersion = -1;
const checkpoint = () => {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ checkpointed: result.checkpointed, log: result.log });
  const version = dataVersion.get();
  const written = version !== lastVersion;
  lastVersion = version;
  return written;
};
let timer;
const loop = () => { timer = setTimeout(loop, checkpoint() ? workerData.busyMs : workerData.idleMs); };
timer = setTimeout(loop, workerData.idleMs);
parentPort.on('message', (m) => {
  if (m === 'now') { clearTimeout(timer); loop(); }
  if (m === 'stop') { clearTimeout(timer); db.close(); parentPort.close(); }
});
parentPort.postMessage('ready');
`;

export interface Checkpointer {
  /** Asks for a checkpoint now (tests); answered through `onCheckpoint`. */
  now(): void;
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  /** How soon the worker comes again when something was committed since its last look. */
  busyMs?: number;
  /** … and when nothing was. */
  idleMs?: number;
  onCheckpoint?: (r: { checkpointed: number; log: number }) => void;
}

/** SQLite's WAL only: PostgreSQL checkpoints by itself. */
export function startCheckpointer(db: Db, file: string, opts: CheckpointerOptions = {}): Checkpointer {
  const client = sqliteOf(db);
  if (!client) return { now: () => undefined, stop: () => Promise.resolve() };
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { file, busyMs: opts.busyMs ?? 20, idleMs: opts.idleMs ?? 250, module: createRequire(`${process.cwd()}/`).resolve('better-sqlite3') },
  });
  let stopped = false;
  const back = (why: unknown) => {
    if (!client.open) return;
    client.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    if (!stopped) console.error('WAL checkpointer stopped; the connection checkpoints as by default again:', why);
  };
  worker.on('message', (m: 'ready' | { checkpointed: number; log: number }) => {
    // Only once the worker runs does the connection checkpoint less often.
    if (m === 'ready') client.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES_WITH_WORKER}`);
    else opts.onCheckpoint?.(m);
  });
  worker.on('error', back);
  worker.on('exit', (code) => back(`exit ${code}`));
  // The worker alone must not keep the process alive.
  worker.unref();
  return {
    now: () => worker.postMessage('now'),
    stop: () => {
      stopped = true;
      return new Promise((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      });
    },
  };
}
