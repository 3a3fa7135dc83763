import { findGpuModel, findMigProfile, migInstanceMilli } from "../../proto/catalog/GpuCatalog.ts";
import { gpuUnhealthy } from "../../proto/tessera/GpuHealthWire.ts";
import type {
  FleetGpu,
  FleetJob,
  FleetJobMember,
  FleetMemberGpu,
  FleetNode,
  FleetReadModel,
  FleetSlice,
  FleetSnapshot,
} from "../readmodel/FleetReadModel.ts";
import {
  finalJobStates,
  type JobRecord,
  type SliceAllocation,
  shareOnMigInstance,
} from "../store/JobRecord.ts";
import { failedMemberText, gangMembers } from "./GangMembers.ts";
import type { Scheduler } from "./Scheduler.ts";

function requestWords(job: JobRecord): string {
  const s = job.spec.request.shape;
  switch (s.kind) {
    case "mig":
      return s.profile;
    case "slice":
      return `memoryMiB=${s.memoryMiB} computeSevenths=${s.computeSevenths}`;
    case "share":
      return `memoryMiB=${s.memoryMiB} computePercent=${s.gpuMilli / 10}`;
    case "whole":
      return `${s.gpus} GPU${s.gpus === 1 ? "" : "s"}`;
    case "gang":
      return `${s.nodes} nodes x ${s.gpusPerNode} GPUs`;
    case "none":
      return "no GPU";
  }
}

function gpuAllocations(job: JobRecord): JobRecord["allocations"] {
  return job.allocations.filter((a) => a.kind !== "none");
}

function sliceId(node: string, gpuUuid: string, kind: string, key: string | number): string {
  return `${node}/${gpuUuid}/${kind}-${key}`;
}

/** A share job's slice of a shared MIG instance: its own id, so that each share is a holder of its own. */
function instanceShareId(instanceId: string, jobId: string): string {
  return `${instanceId}/share-${jobId}`;
}

function memberGpu(a: SliceAllocation, catalog = findGpuModel(a.gpuModel)): FleetMemberGpu {
  if (a.kind === "mig") {
    const profile = catalog?.mig?.profiles.find((p) => p.name === a.migProfile);
    const share = profile && catalog?.mig ? profile.computeSlices / catalog.mig.computeSlices : 0;
    return { index: a.gpuIndex, modelId: a.gpuModel, kind: "mig", profile: a.migProfile, share };
  }
  if (a.kind === "share")
    return { index: a.gpuIndex, modelId: a.gpuModel, kind: "shared", share: a.shareMilli / 1000 };
  return { index: a.gpuIndex, modelId: a.gpuModel, kind: "whole", share: 1 };
}

/** A gang's members and the one that failed it, as the HTTP job record shows them. */
function fleetMembers(job: JobRecord): Pick<FleetJob, "members" | "failedMember"> {
  const members = gangMembers(job);
  if (members.length === 0) return {};
  const failed = failedMemberText(members);
  return {
    members: members.map(
      (m): FleetJobMember => ({
        rank: m.rank,
        node: m.node,
        state: m.state,
        ...(m.detail ? { detail: m.detail } : {}),
        ...(m.logPath ? { logPath: m.logPath } : {}),
        gpus: m.allocations.filter((a) => a.kind !== "none").map((a) => memberGpu(a)),
      }),
    ),
    ...(failed ? { failedMember: failed } : {}),
  };
}

/** One job as the HTTP read model shows it, with its reason as shown (`Scheduler.shownReason`). */
function fleetJob(job: JobRecord, reason: string): FleetJob {
  const held = job.state === "Scheduled" || job.state === "Running";
  const started = job.transitions.find((t) => t.to === "Running")?.atMs;
  const ended = finalJobStates.has(job.state) ? job.updatedMs : undefined;
  return {
    id: job.id,
    name: job.spec.name,
    tenant: job.spec.tenant,
    queue: job.spec.queue,
    priority: job.spec.priority,
    kind: job.spec.kind,
    state: job.state,
    request: requestWords(job),
    ...(job.spec.container ? { image: job.spec.container.image } : {}),
    submittedAt: job.createdMs,
    ...(started === undefined ? {} : { startedAt: started }),
    ...(ended === undefined ? {} : { finishedAt: ended }),
    ...(reason ? { reason } : {}),
    // A job without GPUs holds no slice (its one allocation names only the node).
    sliceIds: held
      ? gpuAllocations(job).map((a) =>
          shareOnMigInstance(a)
            ? instanceShareId(sliceId(a.node, a.gpuUuid, "mig", a.migStart), job.id)
            : a.kind === "mig"
              ? sliceId(a.node, a.gpuUuid, "mig", a.migStart)
              : sliceId(a.node, a.gpuUuid, a.kind, a.kind === "share" ? job.id : 0),
        )
      : [],
    transitions: job.transitions.map((t) => ({ from: t.from, to: t.to, at: t.atMs, reason: t.reason })),
    ...fleetMembers(job),
  };
}

/** The scheduler's state in the shape the HTTP API, metrics and dashboard read (scheduler/http). */
export class SchedulerFleetView implements FleetReadModel {
  constructor(private readonly scheduler: Scheduler) {}

  snapshot(): FleetSnapshot {
    return this.build(this.scheduler.jobs(), false);
  }

  heldSnapshot(): FleetSnapshot {
    return this.build(this.scheduler.liveJobs(), true);
  }

  job(id: string): FleetJob | undefined {
    const job = this.scheduler.job(id);
    return job && fleetJob(job, this.scheduler.shownReason(job));
  }

  /** The fleet with `jobs` (every job, or the live ones), each shown unless `onlyHolders` and it holds no slice. */
  private build(records: Iterable<JobRecord>, onlyHolders: boolean): FleetSnapshot {
    const nodes: FleetNode[] = [];
    const byGpu = new Map<string, JobRecord[]>();
    const jobs: FleetJob[] = [];
    for (const job of records) {
      const held = job.state === "Scheduled" || job.state === "Running";
      const slices = held ? gpuAllocations(job) : [];
      for (const a of slices) {
        const list = byGpu.get(a.gpuUuid) ?? [];
        list.push(job);
        byGpu.set(a.gpuUuid, list);
      }
      if (!onlyHolders || slices.length > 0) jobs.push(fleetJob(job, this.scheduler.shownReason(job)));
    }
    for (const node of this.scheduler.nodes()) {
      const layout = this.scheduler.gpuLayouts(node.name);
      const gpus: FleetGpu[] = node.gpus.map((inv) => {
        const model = findGpuModel(inv.model);
        const engineGpu = layout.get(inv.uuid);
        const observed = node.observed.find((o) => o.uuid === inv.uuid);
        const holders = byGpu.get(inv.uuid) ?? [];
        const mode = engineGpu?.mode ?? (observed?.migEnabled ? "mig" : "whole");
        const slices: FleetSlice[] = [];
        if (mode === "mig" && model?.mig) {
          for (const inst of engineGpu?.mig ?? []) {
            const seen = observed?.instances.find(
              (i) => i.start === inst.start && i.profile === inst.profile,
            );
            const on = (a: SliceAllocation) => a.gpuUuid === inv.uuid && a.migStart === inst.start;
            const holder = holders.find((j) => j.allocations.some((a) => a.kind === "mig" && on(a)));
            const id = sliceId(node.name, inv.uuid, "mig", inst.start);
            const share = inst.computeSlices / model.mig.computeSlices;
            const instance: FleetSlice = {
              id,
              kind: "mig",
              profile: inst.profile,
              placementStart: inst.start,
              ...(seen
                ? { gpuInstanceId: seen.gpuInstanceId, computeInstanceId: seen.computeInstanceId }
                : {}),
              ...(seen?.uuid ? { migUuid: seen.uuid } : {}),
              share,
            };
            // Each share job holds its thousandths of the instance's part of the GPU, as a share of a GPU does.
            const profile = findMigProfile(model, inst.profile);
            const instanceMilli = profile ? migInstanceMilli(model, profile) : 0;
            const shares = holders.flatMap((j) =>
              j.allocations
                .filter((a) => shareOnMigInstance(a) && on(a))
                .map(
                  (a): FleetSlice => ({
                    ...instance,
                    id: instanceShareId(id, j.id),
                    kind: "shared",
                    share: instanceMilli > 0 ? (share * a.shareMilli) / instanceMilli : 0,
                    jobId: j.id,
                  }),
                ),
            );
            slices.push(
              holder
                ? { ...instance, jobId: holder.id }
                : shares.length > 0
                  ? { ...instance, shares }
                  : instance,
            );
          }
        } else {
          for (const job of holders) {
            for (const a of job.allocations) {
              if (a.gpuUuid !== inv.uuid) continue;
              slices.push(
                a.kind === "share"
                  ? {
                      id: sliceId(node.name, inv.uuid, "share", job.id),
                      kind: "shared",
                      share: a.shareMilli / 1000,
                      jobId: job.id,
                    }
                  : { id: sliceId(node.name, inv.uuid, "whole", 0), kind: "whole", share: 1, jobId: job.id },
              );
            }
          }
        }
        const unhealthyReason = gpuUnhealthy(observed?.health ?? "");
        return {
          uuid: inv.uuid,
          index: inv.index,
          modelId: inv.model,
          modelName: inv.name,
          memoryMiB: inv.memoryMib,
          sharingMode: mode,
          ...(mode === "shared" && node.capabilities
            ? { shareIsolation: node.capabilities.mps ? ("mps" as const) : ("time-sliced" as const) }
            : {}),
          healthy: unhealthyReason === undefined,
          ...(unhealthyReason === undefined ? {} : { unhealthyReason }),
          slices,
        };
      });
      nodes.push({
        name: node.name,
        state: node.state,
        labels: node.labels,
        cpuMillis: node.cpuMillis,
        memoryMiB: node.memoryMiB,
        gpus,
      });
    }
    return { nodes, jobs };
  }

  /** One stored job change at a time, so that watchers cost O(changes), not a rescan of every job. */
  onJobChange(listener: (job: FleetJob) => void): () => void {
    const forward = (_type: unknown, job: JobRecord) =>
      listener(fleetJob(job, this.scheduler.shownReason(job)));
    this.scheduler.events.on("job", forward);
    return () => this.scheduler.events.off("job", forward);
  }

  onChange(listener: () => void): () => void {
    this.scheduler.events.on("job", listener);
    this.scheduler.events.on("node", listener);
    return () => {
      this.scheduler.events.off("job", listener);
      this.scheduler.events.off("node", listener);
    };
  }
}
