import type { JobRecord } from "../JobRecord.ts";

/** A pending MIG job as a store holds it, for store tests. */
export function pendingJob(id: string, seq: number, clientRequestId = ""): JobRecord {
  return {
    id,
    seq,
    clientRequestId,
    spec: {
      name: `job-${id}`,
      tenant: "default",
      queue: "default",
      priority: 0,
      kind: "batch",
      request: { shape: { kind: "mig", profile: "1g.10gb" }, models: [], cpuMillis: 0, memoryMiB: 0 },
      command: ["true"],
      env: {},
      workdir: "",
    },
    state: "Pending",
    reason: "",
    allocations: [],
    attempt: 0,
    exitCode: null,
    logNode: "",
    logPath: "",
    startedMs: 0,
    finishedMs: 0,
    visibleDevices: "",
    createdMs: 1,
    updatedMs: 1,
    transitions: [{ from: "", to: "Pending", atMs: 1, reason: "submitted" }],
  };
}
