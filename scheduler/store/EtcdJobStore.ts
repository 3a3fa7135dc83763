import { randomBytes } from "node:crypto";
import type { Etcd3 } from "etcd3";
import type { AuditEntry, AuditQuery } from "./AuditEntry.ts";
import type { JobRecord } from "./JobRecord.ts";
import type { JobStore } from "./JobStore.ts";
import type { LeadershipFence } from "./LeadershipFence.ts";
import { parseStoredJob } from "./StoredJobDocument.ts";
import { StoreUnavailable } from "./StoreUnavailable.ts";

export interface EtcdJobStoreOptions {
  /** Key prefix of everything Tessera keeps in etcd (default `/tessera/`). */
  prefix?: string;
  /** How long a write may wait for etcd's commit before it counts as failed (default 5000 ms). */
  writeTimeoutMs?: number;
  /**
   * Called once when a write was refused by the fence or its outcome is unknown (no quorum within the timeout):
   * this scheduler's view may now differ from etcd's, so it must stop acting as the leader.
   */
  onLeadershipLost?: (why: string) => void;
}

/** etcd allows 128 compares and 128 operations per transaction by default (`--max-txn-ops`). */
const maxPutsPerTxn = 100;
/** Each submit is up to 2 compares and 2 puts, beside the fence compare. */
const maxJobsPerInsertTxn = 50;
/** Submit transactions in flight at once; more submits wait for one of them and share the next. */
const maxInsertTxnsInFlight = 2;

/** Audit keys sort by time: the milliseconds padded, then a per-leader random part and a counter. */
const auditTimeDigits = 15;

interface PendingInsert {
  job: JobRecord;
  doc: string;
  resolve: (result: { job: JobRecord; deduplicated: boolean }) => void;
  reject: (error: unknown) => void;
}

/**
 * Jobs in etcd, one key per job (`<prefix>jobs/<id>`, the JobRecord as JSON) and one per client request id
 * (`<prefix>requests/<id>` -> job id). Every write is a transaction fenced on the leader's election key
 * (LeadershipFence); etcd acknowledges a transaction only once a quorum of members has it, so a resolved insert is
 * a quorum write. Submits share transactions (group commit); updates are batched per turn and committed
 * one batch at a time, in order. The audit log is one key per entry (`<prefix>audit/<ms>-<leader>-<n>`), written
 * fenced like the jobs, so who did what survives a failover.
 */
export class EtcdJobStore implements JobStore {
  private readonly jobs: JobRecord[];
  private readonly prefix: string;
  private readonly writeTimeoutMs: number;
  /** Updates not yet sent, by job id (the latest state wins), serialized when enqueued. */
  private pendingUpdates = new Map<string, string>();
  private pendingDone: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private pendingInserts: PendingInsert[] = [];
  private pendingAudit: Array<{
    key: string;
    doc: string;
    resolve: () => void;
    reject: (e: unknown) => void;
  }> = [];
  private auditCount = 0;
  /** Keeps this leader's audit keys apart from another's written in the same millisecond. */
  private readonly auditSource = randomBytes(4).toString("hex");
  private insertTxnsInFlight = 0;
  private flushing: Promise<void> | undefined;
  private flushQueued = false;
  private lost: string | undefined;
  private closed = false;
  /** Rejects when leadership is lost, so submits still waiting on etcd are answered before the process stops. */
  private readonly lostSignal: Promise<never>;
  private signalLost: (error: StoreUnavailable) => void = () => {};

  private constructor(
    private readonly client: Etcd3,
    private readonly fence: LeadershipFence,
    loaded: JobRecord[],
    private readonly options: EtcdJobStoreOptions,
  ) {
    this.jobs = loaded;
    this.prefix = options.prefix ?? "/tessera/";
    this.writeTimeoutMs = options.writeTimeoutMs ?? 5000;
    this.lostSignal = new Promise<never>((_, reject) => {
      this.signalLost = reject;
    });
    this.lostSignal.catch(() => {});
  }

  /** Reads every job (call it after winning the election, so nothing older can still be written). */
  static async open(
    client: Etcd3,
    fence: LeadershipFence,
    options: EtcdJobStoreOptions = {},
  ): Promise<EtcdJobStore> {
    const prefix = options.prefix ?? "/tessera/";
    const docs = await client.getAll().prefix(`${prefix}jobs/`).strings();
    const jobs = Object.entries(docs).map(([key, doc]) => {
      try {
        return parseStoredJob(doc);
      } catch (err) {
        throw new Error(`etcd key ${key} is damaged: ${(err as Error).message}; repair or delete that key`);
      }
    });
    jobs.sort((a, b) => a.seq - b.seq);
    return new EtcdJobStore(client, fence, jobs, options);
  }

  insert(job: JobRecord): Promise<{ job: JobRecord; deduplicated: boolean }> {
    try {
      this.checkUsable();
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise((resolve, reject) => {
      this.pendingInserts.push({ job, doc: JSON.stringify(job), resolve, reject });
      if (this.pendingInserts.length === 1 && this.insertTxnsInFlight < maxInsertTxnsInFlight) {
        setImmediate(() => this.flushInserts());
      }
    });
  }

  /**
   * Group commit: etcd's cost is per commit, not per key, so submits that arrive while transactions are in flight
   * wait and share the next one.
   */
  private flushInserts(): void {
    while (this.pendingInserts.length > 0 && this.insertTxnsInFlight < maxInsertTxnsInFlight) {
      const batch = this.pendingInserts.splice(0, maxJobsPerInsertTxn);
      this.insertTxnsInFlight++;
      void this.commitInserts(batch).finally(() => {
        this.insertTxnsInFlight--;
        this.flushInserts();
      });
    }
  }

  private async commitInserts(batch: PendingInsert[]): Promise<void> {
    // A request id twice in one transaction is refused by etcd; the repeat is answered after the first is stored.
    const seen = new Set<string>();
    const unique: PendingInsert[] = [];
    const repeats: PendingInsert[] = [];
    for (const p of batch) {
      const rid = p.job.clientRequestId;
      if (rid && seen.has(rid)) repeats.push(p);
      else {
        if (rid) seen.add(rid);
        unique.push(p);
      }
    }
    try {
      let txn = this.fenced();
      const puts = [];
      for (const { job, doc } of unique) {
        const jobKey = `${this.prefix}jobs/${job.id}`;
        txn = txn.and(jobKey, "Create", "==", 0);
        puts.push(this.client.put(jobKey).value(doc));
        if (job.clientRequestId) {
          const requestKey = `${this.prefix}requests/${job.clientRequestId}`;
          txn = txn.and(requestKey, "Create", "==", 0);
          puts.push(this.client.put(requestKey).value(job.id));
        }
      }
      const what = `submit of ${unique.length} job(s)`;
      const result = await Promise.race([this.commit(txn.then(...puts), what), this.lostSignal]);
      if (result.succeeded) {
        for (const p of unique) p.resolve({ job: p.job, deduplicated: false });
      } else {
        await this.checkFence(what);
        // Some request id was stored before: each submit on its own finds which.
        await Promise.all(unique.map((p) => this.insertOne(p.job, p.doc).then(p.resolve, p.reject)));
      }
    } catch (err) {
      for (const p of unique) p.reject(err);
    }
    await Promise.all(repeats.map((p) => this.insertOne(p.job, p.doc).then(p.resolve, p.reject)));
  }

  private async insertOne(job: JobRecord, doc: string): Promise<{ job: JobRecord; deduplicated: boolean }> {
    this.checkUsable();
    const jobKey = `${this.prefix}jobs/${job.id}`;
    let txn = this.fenced().and(jobKey, "Create", "==", 0);
    const puts = [this.client.put(jobKey).value(doc)];
    const requestKey = job.clientRequestId ? `${this.prefix}requests/${job.clientRequestId}` : undefined;
    if (requestKey) {
      txn = txn.and(requestKey, "Create", "==", 0);
      puts.push(this.client.put(requestKey).value(job.id));
    }
    const what = `submit of job ${job.id}`;
    const result = await Promise.race([this.commit(txn.then(...puts), what), this.lostSignal]);
    if (result.succeeded) return { job, deduplicated: false };
    await this.checkFence(what);
    const storedId = requestKey ? await this.client.get(requestKey).string() : null;
    const stored = storedId ? await this.client.get(`${this.prefix}jobs/${storedId}`).string() : null;
    if (!stored)
      throw new StoreUnavailable(`job ${job.id} could not be stored: its key exists; retry the submit`);
    return { job: JSON.parse(stored) as JobRecord, deduplicated: true };
  }

  update(jobs: readonly JobRecord[]): Promise<void> {
    if (jobs.length === 0) return Promise.resolve();
    // After leadership is lost nothing that depends on an update may happen (see flushUpdates): left unsettled.
    if (this.lost || this.closed) return new Promise(() => {});
    // Serialize now: the caller may change the record before the batch commits.
    for (const j of jobs) this.pendingUpdates.set(j.id, JSON.stringify(j));
    const done = new Promise<void>((resolve, reject) => this.pendingDone.push({ resolve, reject }));
    this.queueFlush();
    return done;
  }

  recordAudit(entry: AuditEntry): Promise<void> {
    try {
      this.checkUsable();
    } catch (err) {
      return Promise.reject(err);
    }
    const at = String(Math.max(0, Math.floor(entry.atMs))).padStart(auditTimeDigits, "0");
    const key = `${this.prefix}audit/${at}-${this.auditSource}-${String(++this.auditCount).padStart(9, "0")}`;
    return new Promise((resolve, reject) => {
      this.pendingAudit.push({ key, doc: JSON.stringify(entry), resolve, reject });
      if (this.pendingAudit.length === 1) setImmediate(() => void this.flushAudit());
    });
  }

  /** The entries of one turn share a transaction. */
  private async flushAudit(): Promise<void> {
    const batch = this.pendingAudit.splice(0, maxPutsPerTxn);
    if (this.pendingAudit.length > 0) setImmediate(() => void this.flushAudit());
    try {
      this.checkUsable();
      const what = `audit of ${batch.length} action(s)`;
      const puts = batch.map((a) => this.client.put(a.key).value(a.doc));
      const result = await Promise.race([this.commit(this.fenced().then(...puts), what), this.lostSignal]);
      if (!result.succeeded) {
        await this.checkFence(what);
        throw new StoreUnavailable("etcd refused an audit entry for an unknown reason");
      }
      for (const a of batch) a.resolve();
    } catch (err) {
      for (const a of batch) a.reject(err);
    }
  }

  async listAudit(query: AuditQuery): Promise<AuditEntry[]> {
    const since = String(Math.max(0, Math.floor(query.sinceMs ?? 0))).padStart(auditTimeDigits, "0");
    // "0" sorts right after "/": the end of the audit/ keys.
    const found = await this.client
      .getAll()
      .inRange({ start: `${this.prefix}audit/${since}`, end: `${this.prefix}audit0` })
      .sort("Key", "Descend")
      .limit(query.limit)
      .exec();
    return found.kvs.map((kv) => JSON.parse(kv.value.toString()) as AuditEntry).reverse();
  }

  loadAll(): JobRecord[] {
    return this.jobs;
  }

  maxSeq(): number {
    return this.jobs.reduce((max, j) => Math.max(max, j.seq), 0);
  }

  /** Stops taking writes; the etcd client belongs to the caller. */
  close(): void {
    this.closed = true;
  }

  private checkUsable(): void {
    if (this.lost) throw new StoreUnavailable(`this scheduler is no longer the leader (${this.lost}); retry`);
    if (this.closed) throw new StoreUnavailable("the etcd store is closed; retry against the leader");
  }

  private fenced() {
    return this.client
      .if(this.fence.key, "Create", "==", this.fence.createRevision)
      .options({ deadline: Date.now() + this.writeTimeoutMs });
  }

  /** Commits a transaction; a failure to reach a quorum in time leaves its outcome unknown, which ends leadership. */
  private async commit(txn: ReturnType<EtcdJobStore["fenced"]>, what: string) {
    try {
      return await txn.commit();
    } catch (err) {
      const why = `etcd did not commit the ${what} within ${this.writeTimeoutMs} ms (${(err as Error).message}); its outcome is unknown`;
      this.loseLeadership(why);
      throw new StoreUnavailable(`${why}; retry (with the same client request id) against the leader`);
    }
  }

  /** After a refused transaction: throws when the refusal came from the fence. */
  private async checkFence(what: string): Promise<void> {
    const current = await this.client.get(this.fence.key).exec();
    const createRevision = current.kvs[0]?.create_revision ?? "0";
    if (createRevision === this.fence.createRevision) return;
    const why = `etcd refused the ${what}: the election key ${this.fence.key} of revision ${this.fence.createRevision} is gone (lease expired), so another scheduler may lead`;
    this.loseLeadership(why);
    throw new StoreUnavailable(`${why}; retry against the leader`);
  }

  /**
   * This scheduler may no longer write (also called by the election when its lease is lost): every write from now
   * on, and every submit still waiting, is refused.
   */
  loseLeadership(why: string): void {
    if (this.lost) return;
    this.lost = why;
    const refusal = new StoreUnavailable(
      `${why}; nothing more is stored by this scheduler; retry against the leader`,
    );
    this.signalLost(refusal);
    for (const p of this.pendingInserts.splice(0)) p.reject(refusal);
    for (const a of this.pendingAudit.splice(0)) a.reject(refusal);
    this.options.onLeadershipLost?.(why);
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    const previous = this.flushing ?? Promise.resolve();
    this.flushing = previous.then(() => {
      this.flushQueued = false;
      return this.flushUpdates();
    });
  }

  private async flushUpdates(): Promise<void> {
    const updates = [...this.pendingUpdates];
    const done = this.pendingDone;
    this.pendingUpdates = new Map();
    this.pendingDone = [];
    try {
      if (this.lost) throw new StoreUnavailable(`this scheduler is no longer the leader (${this.lost})`);
      for (let i = 0; i < updates.length; i += maxPutsPerTxn) {
        const puts = updates
          .slice(i, i + maxPutsPerTxn)
          .map(([id, doc]) => this.client.put(`${this.prefix}jobs/${id}`).value(doc));
        const result = await this.commit(this.fenced().then(...puts), `update of ${puts.length} job(s)`);
        if (!result.succeeded) {
          await this.checkFence(`update of ${puts.length} job(s)`);
          throw new StoreUnavailable("etcd refused an update for an unknown reason");
        }
      }
    } catch (err) {
      // A refused update must not be followed by what depended on it (desired state sent to agents): the
      // scheduler that wrote it is stepping down, so its waiters are left unresolved instead of rejected.
      if (err instanceof StoreUnavailable) return;
      for (const d of done) d.reject(err);
      return;
    }
    for (const d of done) d.resolve();
  }
}
