import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** What one checkpoint reported: frames in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  walFrames: number;
  checkpointed: number;
}

export interface WalCheckpointerOptions {
  /** At most one checkpoint starts per this many ms (default 500): the WAL holds about that much writing. */
  everyMs?: number;
  /** The worker failed (it could not open the file, or a checkpoint threw): the caller checkpoints itself again. */
  onFailure?: (error: Error) => void;
}

// The worker's own connection copies WAL frames into the database file (PASSIVE: it never waits for the writer,
// and the writer never waits for it). Its default synchronous=FULL fsyncs the WAL before copying, so a frame an
// acknowledgement is still waiting for is made durable by whichever fsync comes first.
const workerSource = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("wal_autocheckpoint = 0");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [row] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ walFrames: row.log, checkpointed: row.checkpointed });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

/**
 * Runs SQLite's WAL checkpoints on a worker thread with its own connection, so that the scheduler's event loop
 * never copies pages into the database file inside a commit (what `wal_autocheckpoint` does). The writer's
 * connection sets `wal_autocheckpoint = 0` and calls `committed()` after each commit; a checkpoint then starts
 * at most once per `everyMs`, and once it has copied every frame the writer's next commit starts the WAL over,
 * which keeps the file about as large as `everyMs` of writing. The worker starts on the first checkpoint.
 */
export class WalCheckpointer {
  private worker: Worker | undefined;
  private running = false;
  private lastStartMs = Number.NEGATIVE_INFINITY;
  private failed = false;
  private closed = false;
  private waiters: Array<(result: CheckpointResult | undefined) => void> = [];
  private readonly everyMs: number;

  constructor(
    private readonly path: string,
    private readonly options: WalCheckpointerOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 500;
  }

  /** After a commit: starts a checkpoint unless one runs or one started less than `everyMs` ago. */
  committed(): void {
    if (this.running || this.failed || this.closed) return;
    const now = Date.now();
    if (now - this.lastStartMs < this.everyMs) return;
    this.lastStartMs = now;
    this.running = true;
    this.start().postMessage("checkpoint");
  }

  /** Resolves once no checkpoint runs, with the last one's result (undefined when none ran or it failed). */
  settled(): Promise<CheckpointResult | undefined> {
    if (!this.running) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends the worker; the WAL keeps whatever it has not copied (durable, and read back by the next open). */
  close(): void {
    this.closed = true;
    this.worker?.postMessage("close");
    this.worker = undefined;
    this.finish(undefined);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { path: this.path, driver: createRequire(import.meta.url).resolve("better-sqlite3") },
    });
    worker.unref();
    worker.on("message", (message: CheckpointResult | { error: string }) => {
      if ("error" in message) this.fail(new Error(message.error));
      else this.finish(message);
    });
    worker.on("error", (error) => this.fail(error));
    this.worker = worker;
    return worker;
  }

  private finish(result: CheckpointResult | undefined): void {
    this.running = false;
    for (const waiter of this.waiters.splice(0)) waiter(result);
  }

  private fail(error: Error): void {
    if (this.failed || this.closed) return;
    this.failed = true;
    void this.worker?.terminate();
    this.worker = undefined;
    this.finish(undefined);
    this.options.onFailure?.(error);
  }
}
