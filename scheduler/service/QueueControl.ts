import { stringify } from "yaml";
import type { QueueInfo } from "../../proto/generated/tessera/v1/QueueInfo.ts";
import type { QuotaConfig } from "../../proto/generated/tessera/v1/QuotaConfig.ts";
import { QueueSubmissionError } from "../queue/JobSubmission.ts";
import type { QueueConfig } from "../queue/QueueConfig.ts";
import { QueueConfigError } from "../queue/QueueConfigError.ts";
import type { QueueConfigFile } from "../queue/QueueConfigFile.ts";
import type { QueueStatus } from "../queue/QueueStatus.ts";
import type { SchedulerQueue } from "../queue/SchedulerQueue.ts";
import { ServiceError } from "./ServiceError.ts";

/** What `tessera queues` and `tessera quota` ask of a running scheduler, in wire terms. */
export class QueueControl {
  constructor(
    private readonly queue: SchedulerQueue,
    private readonly file: QueueConfigFile | undefined,
  ) {}

  listQueues(): QueueInfo[] {
    return this.queue.statuses().map(queueInfo);
  }

  quota(): QuotaConfig {
    const config = this.queue.config();
    return {
      source: this.file?.path ?? "",
      yaml: this.file?.text ?? stringify(plainConfig(config)),
      queues: this.listQueues(),
      priorityClasses: config.priorityClasses.map((c) => ({
        name: c.name,
        value: c.value,
        preemptionGraceSeconds: c.preemptionGraceSeconds,
      })),
      starvationSeconds: config.starvationSeconds,
    };
  }

  /** Re-reads the --queues file; a refused file leaves the config in force and says why. */
  reload(): QuotaConfig {
    if (!this.file) {
      throw ServiceError.precondition(
        "the scheduler runs without a queue config; start it with `tessera scheduler --queues FILE` to have one to reload",
      );
    }
    try {
      this.file.reload((config) => this.queue.reload(config));
    } catch (error) {
      if (error instanceof QueueConfigError) throw ServiceError.invalid(error.message);
      if (error instanceof QueueSubmissionError) throw ServiceError.precondition(error.message);
      throw ServiceError.precondition((error as Error).message);
    }
    return this.quota();
  }
}

function queueInfo(status: QueueStatus): QueueInfo {
  return {
    name: status.name,
    cohort: status.cohort ?? "",
    weight: status.weight,
    quota: { ...status.quota },
    borrowingLimit: { ...(status.borrowingLimit ?? {}) },
    usage: { ...status.usage },
    borrowed: { ...status.borrowed },
    pending: status.pending,
    running: status.running,
    admittedTotal: status.admittedTotal,
    preemptedTotal: status.preemptedTotal,
  };
}

/** The config in the file format, for a scheduler started without a file. */
function plainConfig(config: QueueConfig) {
  return {
    queues: config.queues.map((q) => ({
      name: q.name,
      weight: q.weight,
      ...(q.cohort ? { cohort: q.cohort } : {}),
      quota: q.quota,
      ...(q.borrowingLimit ? { borrowingLimit: q.borrowingLimit } : {}),
    })),
    priorityClasses: config.priorityClasses,
    starvationSeconds: config.starvationSeconds,
  };
}
