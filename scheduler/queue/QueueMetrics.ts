import { Counter, Gauge, type Registry } from "prom-client";
import type { QueueStatus } from "./QueueStatus.ts";

/**
 * Per-queue metrics for Prometheus, read from the queue at scrape time: admitted and preempted jobs, and the
 * capacity each queue uses and borrows per resource. (Pending jobs per queue are `tessera_pending_jobs`.)
 */
export function registerQueueMetrics(registry: Registry, statuses: () => readonly QueueStatus[]): void {
  const registers = [registry];
  new Counter({
    name: "tessera_queue_admitted_jobs_total",
    help: "Jobs the queue admitted (started), per queue.",
    labelNames: ["queue"],
    registers,
    collect() {
      this.reset();
      for (const q of statuses()) this.inc({ queue: q.name }, q.admittedTotal);
    },
  });
  new Counter({
    name: "tessera_queue_preempted_jobs_total",
    help: "Jobs the queue preempted (graceful stop sent), per queue of the preempted job.",
    labelNames: ["queue"],
    registers,
    collect() {
      this.reset();
      for (const q of statuses()) this.inc({ queue: q.name }, q.preemptedTotal);
    },
  });
  const perResource = (
    name: string,
    help: string,
    pick: (q: QueueStatus) => Readonly<Record<string, number>>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ["queue", "cohort", "resource"],
      registers,
      collect() {
        this.reset();
        for (const q of statuses()) {
          for (const [resource, amount] of Object.entries(pick(q))) {
            this.set({ queue: q.name, cohort: q.cohort ?? "", resource }, amount);
          }
        }
      },
    });
  perResource(
    "tessera_queue_usage",
    "What a queue's admitted jobs hold, per resource (gpus in GPU-equivalents, cpu in cores, memory in MiB).",
    (q) => q.usage,
  );
  perResource("tessera_queue_quota", "A queue's guaranteed quota, per resource.", (q) => q.quota);
  perResource(
    "tessera_queue_borrowed",
    "What a queue uses beyond its quota, lent by its cohort (reclaimable), per resource.",
    (q) => q.borrowed,
  );
}
