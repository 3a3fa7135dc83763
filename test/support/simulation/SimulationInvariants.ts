import { findGpuModel, findMigProfile, migInstanceMilli } from "../../../proto/catalog/GpuCatalog.ts";
import type { JobRecord } from "../../../scheduler/store/JobRecord.ts";
import type { SimulatedAgent } from "./SimulatedAgent.ts";

/** One holder of a piece of a GPU at this instant. */
interface GpuUse {
  holder: string;
  kind: string;
  migStart: number;
  migSize: number;
  milli: number;
  /** Thousandths of the GPU the shares where this use is may add up to: the GPU's 1000, or its instance's. */
  room: number;
}

/**
 * Pairs of uses of one GPU that cannot coexist: a whole GPU alone, MIG instances disjoint (shares on one instance,
 * MPS on MIG, share it), no share on the GPU itself beside MIG instances, shares within the GPU or their instance.
 */
function conflicts(gpu: string, uses: readonly GpuUse[]): string[] {
  const problems: string[] = [];
  const onInstance = (u: GpuUse) => u.migSize > 0;
  for (let i = 0; i < uses.length; i++) {
    for (let k = i + 1; k < uses.length; k++) {
      const a = uses[i]!;
      const b = uses[k]!;
      const sharedInstance = a.kind === "share" && b.kind === "share" && a.migStart === b.migStart;
      const clash =
        a.kind === "whole" ||
        b.kind === "whole" ||
        onInstance(a) !== onInstance(b) ||
        (onInstance(a) &&
          !sharedInstance &&
          a.migStart < b.migStart + b.migSize &&
          b.migStart < a.migStart + a.migSize);
      if (clash) problems.push(`GPU ${gpu}: ${a.holder} (${a.kind}) and ${b.holder} (${b.kind}) at once`);
    }
  }
  const shares = new Map<number, { milli: number; room: number }>();
  for (const u of uses) {
    if (u.kind !== "share") continue;
    const where = onInstance(u) ? u.migStart : -1;
    const sum = shares.get(where) ?? { milli: 0, room: u.room };
    shares.set(where, { milli: sum.milli + u.milli, room: Math.min(sum.room, u.room) });
  }
  for (const [where, { milli, room }] of shares)
    if (milli > room)
      problems.push(
        `GPU ${gpu}: shares${where < 0 ? "" : ` on the instance at ${where}`} add up to ${milli}/${room}`,
      );
  return problems;
}

/**
 * What the hosts really run: no job's process alive twice (two attempts, or one attempt on more nodes than it has
 * members), and no GPU piece used by two live processes at once.
 */
export function processViolations(
  agents: readonly SimulatedAgent[],
  membersOf: (jobId: string) => number,
): string[] {
  const problems: string[] = [];
  const byJob = new Map<string, Array<{ node: string; attempt: number }>>();
  const byGpu = new Map<string, GpuUse[]>();
  for (const agent of agents) {
    for (const p of agent.running()) {
      byJob.set(p.jobId, [...(byJob.get(p.jobId) ?? []), { node: agent.name, attempt: p.attempt }]);
      for (const s of p.slices) {
        // A MIG slice, or a share on a MIG instance (it names its instance), uses the instance's memory slices.
        const migSize = s.migProfile ? migSizeOf(agent, s.gpuUuid, s.migProfile, s.migStart) : 0;
        const model = agent.host.inventory().find((g) => g.uuid === s.gpuUuid)?.model ?? "";
        byGpu.set(s.gpuUuid, [
          ...(byGpu.get(s.gpuUuid) ?? []),
          {
            holder: `${p.jobId}#${p.attempt}@${agent.name}`,
            kind: s.kind,
            migStart: s.migStart,
            migSize,
            milli: s.shareMilli,
            room: shareRoom(model, s.migProfile),
          },
        ]);
      }
    }
  }
  for (const [jobId, alive] of byJob) {
    const attempts = new Set(alive.map((a) => a.attempt));
    const where = alive.map((a) => `attempt ${a.attempt} on ${a.node}`).join(", ");
    if (attempts.size > 1) problems.push(`job ${jobId} runs twice at once: ${where}`);
    else if (alive.length > membersOf(jobId))
      problems.push(`job ${jobId} has more processes than members: ${where}`);
  }
  for (const [gpu, uses] of byGpu) problems.push(...conflicts(gpu, uses));
  return problems;
}

/** What shares may add up to: a GPU's 1000 thousandths, or on a MIG instance that instance's part of its GPU. */
function shareRoom(modelId: string, migProfile: string): number {
  const model = migProfile ? findGpuModel(modelId) : undefined;
  const profile = model ? findMigProfile(model, migProfile) : undefined;
  return model && profile ? migInstanceMilli(model, profile) : 1000;
}

function migSizeOf(agent: SimulatedAgent, gpuUuid: string, profile: string, start: number): number {
  const gpu = agent.host.observe().find((g) => g.uuid === gpuUuid);
  return gpu?.instances?.find((i) => i.profile === profile && i.start === start)?.size ?? 1;
}

/** What the scheduler believes: the slices of its Scheduled and Running jobs never overlap. */
export function bookingViolations(jobs: Iterable<JobRecord>): string[] {
  const byGpu = new Map<string, GpuUse[]>();
  for (const job of jobs) {
    if (job.state !== "Scheduled" && job.state !== "Running") continue;
    for (const a of job.allocations) {
      if (a.kind === "none") continue;
      byGpu.set(a.gpuUuid, [
        ...(byGpu.get(a.gpuUuid) ?? []),
        {
          holder: job.id,
          kind: a.kind,
          migStart: a.migStart,
          migSize: a.migSize,
          milli: a.shareMilli,
          room: shareRoom(a.gpuModel, a.migProfile),
        },
      ]);
    }
  }
  return [...byGpu].flatMap(([gpu, uses]) => conflicts(gpu, uses).map((p) => `booked: ${p}`));
}
