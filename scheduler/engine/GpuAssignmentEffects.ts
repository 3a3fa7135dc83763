import { copyInstance, type GpuSnapshot, type GpuState } from "./GpuState.ts";
import { canCreateAt, instanceHeld, type MigInstance } from "./MigLayout.ts";
import type { GpuAssignment } from "./Placement.ts";

/**
 * What an assignment does to its GPU, as the engine commits and releases it: checked first (so a commit that no
 * longer fits changes nothing), applied, and undone, restoring a mode or layout the assignment had switched.
 */
export function checkAssignment(gpu: GpuState, a: GpuAssignment, id: string): void {
  const where = `commit ${id}: GPU ${gpu.index} (${gpu.uuid})`;
  switch (a.kind) {
    case "share":
      if (a.migInstance) {
        checkInstanceShare(gpu, a.migInstance, a.milli, a.memoryMiB, where);
        return;
      }
      // Re-committed after a what-if release, the GPU may be shared already (by shares put back first).
      if (a.switchFrom && gpu.mode !== "shared") {
        if (!gpu.idle) throw new Error(`${where} is not idle, cannot become shared`);
        if (gpu.memoryMiB > 0 && gpu.memoryMiB < a.memoryMiB) throw new Error(`${where} lacks GPU memory`);
        return;
      }
      if (gpu.mode !== "shared") throw new Error(`${where} is in ${gpu.mode} mode, not shared`);
      if (gpu.freeMilli < a.milli)
        throw new Error(`${where} has ${gpu.freeMilli} milli free, needs ${a.milli}`);
      if (gpu.memoryMiB > 0 && gpu.memFreeMiB < a.memoryMiB) throw new Error(`${where} lacks GPU memory now`);
      return;
    case "whole":
      if (!gpu.idle) throw new Error(`${where} is not idle`);
      if (gpu.mode === "mig" && a.switchFrom !== "mig")
        throw new Error(`${where} is in MIG mode; switch it first`);
      return;
    case "mig": {
      const model = gpu.catalog;
      const profile = model?.mig?.profiles.find((p) => p.name === a.profile);
      if (!model || !profile) throw new Error(`${where} (${gpu.model}) has no MIG profile ${a.profile}`);
      if (a.action === "repartition") {
        if (!gpu.idle) throw new Error(`${where} is not idle, cannot repartition`);
        if (!canCreateAt(model, [], profile, a.start))
          throw new Error(`${where}: ${a.profile} cannot start at ${a.start}`);
        return;
      }
      if (gpu.mode !== "mig") throw new Error(`${where} is not in MIG mode`);
      if (a.action === "reuse") {
        const free = gpu.mig.find(
          (i) => i.start === a.start && i.profile.name === a.profile && !instanceHeld(i),
        );
        if (!free) throw new Error(`${where} has no free ${a.profile} instance at ${a.start}`);
        return;
      }
      if (!canCreateAt(model, gpu.mig, profile, a.start)) {
        throw new Error(`${where}: ${a.profile} no longer fits at placement ${a.start}`);
      }
      return;
    }
  }
}

/**
 * Applies `a` to its GPU. Returns what the GPU looked like before when the assignment switched its mode or
 * layout (for `releaseAssignment` to restore), else undefined.
 */
export function applyAssignment(gpu: GpuState, a: GpuAssignment, id: string): GpuSnapshot | undefined {
  gpu.changed();
  gpu.allocations++;
  let before: GpuSnapshot | undefined;
  switch (a.kind) {
    case "share":
      if (a.migInstance) {
        const inst = instanceAt(gpu, a.migInstance)!;
        inst.shares ??= {
          count: 0,
          freeMilli: gpu.instanceMilli(inst.profile),
          memFreeMiB: inst.profile.memoryMiB,
        };
        inst.shares.count++;
        inst.shares.freeMilli -= a.milli;
        inst.shares.memFreeMiB -= a.memoryMiB;
        gpu.refreshMig();
        gpu.addShare(a.milli);
        return before;
      }
      if (a.switchFrom && gpu.mode !== "shared") {
        before = gpu.snapshot();
        gpu.mode = "shared";
        gpu.mig = [];
        gpu.freeMilli = 1000;
        gpu.memFreeMiB = gpu.memoryMiB;
      }
      gpu.freeMilli -= a.milli;
      if (gpu.memoryMiB > 0) gpu.memFreeMiB -= a.memoryMiB;
      gpu.addShare(a.milli);
      return before;
    case "whole":
      if (a.switchFrom) {
        before = gpu.snapshot();
        gpu.mode = "whole";
        gpu.mig = [];
      }
      gpu.freeMilli = 0;
      gpu.memFreeMiB = 0;
      return before;
    case "mig": {
      const profile = gpu.catalog!.mig!.profiles.find((p) => p.name === a.profile)!;
      if (a.action === "reuse") {
        gpu.mig.find(
          (i) => i.start === a.start && i.profile.name === a.profile && !instanceHeld(i),
        )!.allocationId = id;
      } else if (a.action === "create") {
        gpu.mig.push({ profile, start: a.start, allocationId: id });
      } else {
        before = gpu.snapshot();
        gpu.mode = "mig";
        gpu.mig = [{ profile, start: a.start, allocationId: id }];
      }
      gpu.refreshMig();
      return before;
    }
  }
}

export function releaseAssignment(
  gpu: GpuState,
  a: GpuAssignment,
  id: string,
  snapshot: GpuSnapshot | undefined,
): void {
  gpu.changed();
  gpu.allocations--;
  switch (a.kind) {
    case "share":
      if (a.migInstance) {
        const inst = instanceAt(gpu, a.migInstance)!;
        const shares = inst.shares!;
        shares.count--;
        shares.freeMilli += a.milli;
        shares.memFreeMiB += a.memoryMiB;
        // Its last share gone, the instance is free again for any request.
        if (shares.count === 0) inst.shares = undefined;
        gpu.refreshMig();
      } else {
        gpu.freeMilli += a.milli;
        if (gpu.memoryMiB > 0) gpu.memFreeMiB += a.memoryMiB;
      }
      gpu.removeShare(a.milli);
      break;
    case "whole":
      gpu.freeMilli = 1000;
      gpu.memFreeMiB = gpu.memoryMiB;
      break;
    case "mig": {
      const i = gpu.mig.findIndex((inst) => inst.allocationId === id);
      // A reused instance goes back to the free pool; one this allocation created is destroyed again.
      if (a.action === "reuse") gpu.mig[i]!.allocationId = undefined;
      else gpu.mig.splice(i, 1);
      gpu.refreshMig();
      break;
    }
  }
  if (snapshot && gpu.idle) {
    gpu.mode = snapshot.mode;
    gpu.mig = snapshot.mig.map(copyInstance);
    if (gpu.mode === "mig") gpu.refreshMig();
    else {
      gpu.freeMilli = 1000;
      gpu.memFreeMiB = gpu.memoryMiB;
    }
  }
}

function instanceAt(gpu: GpuState, at: { profile: string; start: number }): MigInstance | undefined {
  return gpu.mig.find((i) => i.start === at.start && i.profile.name === at.profile);
}

/** A share on a MIG instance: the instance exists, is not a `mig` allocation's, and has the compute and memory left. */
function checkInstanceShare(
  gpu: GpuState,
  at: { profile: string; start: number },
  milli: number,
  memoryMiB: number,
  where: string,
): void {
  const inst = gpu.mode === "mig" ? instanceAt(gpu, at) : undefined;
  const what = `${at.profile} instance at ${at.start}`;
  if (!inst) throw new Error(`${where} has no ${what}`);
  if (inst.allocationId !== undefined) throw new Error(`${where}: its ${what} is allocated whole`);
  const room = inst.shares ?? {
    freeMilli: gpu.instanceMilli(inst.profile),
    memFreeMiB: inst.profile.memoryMiB,
  };
  if (room.freeMilli < milli)
    throw new Error(`${where}: its ${what} has ${room.freeMilli} milli free, needs ${milli}`);
  if (room.memFreeMiB < memoryMiB) throw new Error(`${where}: its ${what} lacks GPU memory now`);
}
