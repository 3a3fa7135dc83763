import Database from "better-sqlite3";
import type { FleetReadModel } from "../readmodel/FleetReadModel.ts";
import type { NodeRecord } from "../service/NodeRecord.ts";
import type { SchedulerView } from "../service/SchedulerView.ts";
import { Finops } from "./Finops.ts";
import type { FinopsSettings } from "./FinopsConfig.ts";
import { samplesFromObserved } from "./ObservedSamples.ts";

export interface RunningFinops {
  finops: Finops;
  close(): void;
}

/**
 * FinOps for a running scheduler: its own connection to the scheduler's SQLite file (WAL lets both write),
 * NVML samples from every agent report, and idle reclaims as graceful cancels with the reason attached.
 */
export function attachFinops(
  scheduler: Pick<SchedulerView, "events"> & { cancel(id: string, reason: string): Promise<unknown> },
  fleet: FleetReadModel,
  dbPath: string,
  settings: FinopsSettings,
  log: (line: string) => void,
): RunningFinops {
  const db = new Database(dbPath);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  const finops = new Finops({
    db,
    fleet,
    settings,
    reclaimer: async (jobId, reason) => {
      await scheduler.cancel(jobId, reason);
    },
    warn: log,
  });
  finops.onIdleEvent((event) => {
    log(
      `${event.event}: job ${event.jobId} (${event.tenant}/${event.queue}) on ${event.node} ${event.gpuUuid}`,
    );
  });
  finops.start();
  // Node events also fire on disconnects and lease expiry; only a new report (a renewed lease) is a new reading.
  const lastReport = new Map<string, number>();
  const onNode = (node: NodeRecord) => {
    if (node.observed.length === 0 || lastReport.get(node.name) === node.leaseRenewedMs) return;
    lastReport.set(node.name, node.leaseRenewedMs);
    finops.ingest(samplesFromObserved(node.name, node.gpus, node.observed, node.leaseRenewedMs));
  };
  scheduler.events.on("node", onNode);
  return {
    finops,
    close() {
      scheduler.events.off("node", onNode);
      finops.stop();
      db.close();
    },
  };
}
