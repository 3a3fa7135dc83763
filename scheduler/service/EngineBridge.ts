import { findGpuModel, findMigProfile } from "../../proto/catalog/GpuCatalog.ts";
import type { GpuDesired } from "../../proto/generated/tessera/v1/GpuDesired.ts";
import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { GpuSpec, MigInstanceSpec, NodeSpec, SharingMode } from "../engine/ClusterSpec.ts";
import type { NodeState } from "../engine/NodeState.ts";
import type { GpuAssignment, Placement } from "../engine/Placement.ts";
import { allocationIds } from "../queue/JobEngineRequest.ts";
import { type JobRecord, type SliceAllocation, shareOnMigInstance } from "../store/JobRecord.ts";
import { gangMemberNodes } from "./GangMembers.ts";

/**
 * Translation between the service's nodes and jobs' allocations and the placement engine's cluster spec and
 * decisions (a job's request is converted once, in queue/JobEngineRequest.ts). The engine decides; this file only
 * changes representation.
 */

/** A registered node as the engine sees it: observed MIG layouts, sharing modes, plus what adopted jobs hold. */
export function nodeSpec(
  name: string,
  labels: Record<string, string>,
  cpuMillis: number,
  memoryMiB: number,
  inventory: readonly GpuInventory__Output[],
  observed: readonly GpuObserved__Output[],
  adopted: readonly SliceAllocation[],
  runtimes: Pick<NodeSpec, "vmRuntimes" | "containerRuntimes"> = {},
): NodeSpec {
  const byUuid = new Map(inventory.map((g) => [g.uuid, g.index]));
  const gpus: GpuSpec[] = inventory.map((inv) => {
    const seen = observed.find((o) => o.uuid === inv.uuid);
    const held = adopted.filter((a) => a.gpuUuid === inv.uuid);
    const model = findGpuModel(inv.model);
    let mode: SharingMode = inv.migCapable && model?.mig ? "whole" : "shared";
    if (seen?.migEnabled && model?.mig) mode = "mig";
    // A share on a MIG instance (MPS on MIG) keeps its GPU in MIG mode, as a MIG slice does.
    if (held.some((a) => a.kind === "mig" || shareOnMigInstance(a))) mode = "mig";
    else if (held.some((a) => a.kind === "share")) mode = "shared";
    else if (held.some((a) => a.kind === "whole") && mode === "mig") mode = "whole";
    const spec: GpuSpec = {
      uuid: inv.uuid,
      index: inv.index,
      model: model ? inv.model : inv.name,
      memoryMiB: inv.memoryMib,
      nvlinkPeers: inv.nvlinkPeers.map((u) => byUuid.get(u)).filter((i): i is number => i !== undefined),
      mode,
    };
    if (inv.iommuGroup) spec.iommuGroup = Number(inv.iommuGroup);
    if (mode === "mig") {
      const instances: MigInstanceSpec[] = (seen?.instances ?? []).map((i) => ({
        profile: i.profile,
        start: i.start,
      }));
      // An adopted job's instance may not exist yet (the agent had not created it): the layout must hold it, and
      // observed instances in its way are ones the agent destroys to converge, so they are not in the layout.
      const span = (profile: string) =>
        (model ? findMigProfile(model, profile)?.memorySlices : undefined) ?? 1;
      const overlaps = (i: MigInstanceSpec, a: SliceAllocation) =>
        i.start < a.migStart + span(a.migProfile) && a.migStart < i.start + span(i.profile);
      for (const a of held) {
        if (
          !(a.kind === "mig" || shareOnMigInstance(a)) ||
          instances.some((i) => i.start === a.migStart && i.profile === a.migProfile)
        )
          continue;
        for (let k = instances.length - 1; k >= 0; k--)
          if (overlaps(instances[k]!, a)) instances.splice(k, 1);
        instances.push({ profile: a.migProfile, start: a.migStart });
      }
      spec.migInstances = instances;
    }
    return spec;
  });
  return {
    name,
    cpuMilli: cpuMillis,
    memoryMiB,
    labels,
    gpus,
    vmRuntimes: runtimes.vmRuntimes,
    containerRuntimes: runtimes.containerRuntimes,
  };
}

/** The engine decisions that re-create an adopted job's allocations on a node rebuilt by `nodeSpec`. */
export function adoptedPlacements(job: JobRecord, node: string): Placement[] {
  const ids = allocationIds(job);
  const mine = job.allocations.filter((a) => a.node === node);
  const r = job.spec.request;
  const gang = r.shape.kind === "gang";
  const member = gang ? gangMemberNodes(job).indexOf(node) : 0;
  const assignment = (a: SliceAllocation): GpuAssignment => {
    if (a.kind === "mig") {
      return {
        kind: "mig",
        gpuIndex: a.gpuIndex,
        gpuUuid: a.gpuUuid,
        profile: a.migProfile,
        start: a.migStart,
        action: "reuse",
      };
    }
    if (a.kind === "share") {
      const share: GpuAssignment = {
        kind: "share",
        gpuIndex: a.gpuIndex,
        gpuUuid: a.gpuUuid,
        milli: a.shareMilli,
        memoryMiB: a.shareMemoryMiB,
      };
      return shareOnMigInstance(a)
        ? { ...share, migInstance: { profile: a.migProfile, start: a.migStart } }
        : share;
    }
    return { kind: "whole", gpuIndex: a.gpuIndex, gpuUuid: a.gpuUuid };
  };
  if (mine.length === 0) return [];
  return [
    {
      requestId: ids[member] ?? job.id,
      node,
      cpuMilli: r.cpuMillis,
      memoryMiB: r.memoryMiB,
      // A job without GPUs holds one allocation of kind `none`: its node, CPU and memory only.
      gpus: mine.filter((a) => a.kind !== "none").map(assignment),
      score: 0,
    },
  ];
}

const noGpuAllocation: SliceAllocation = {
  node: "",
  gpuUuid: "",
  gpuIndex: 0,
  gpuModel: "",
  kind: "none",
  migProfile: "",
  migStart: 0,
  migSize: 0,
  migUuid: "",
  shareMilli: 0,
  shareMemoryMiB: 0,
};

/** What a job holds, in the service's terms, from the engine's decisions. */
export function sliceAllocations(
  placements: readonly Placement[],
  nodeOf: (name: string) => NodeState | undefined,
): SliceAllocation[] {
  const out: SliceAllocation[] = [];
  for (const p of placements) {
    const node = nodeOf(p.node);
    // A placement without GPUs still has to say where the job is: one allocation naming the node alone.
    if (p.gpus.length === 0) out.push({ ...noGpuAllocation, node: p.node });
    for (const a of p.gpus) {
      const gpu = node?.gpus.find((g) => g.uuid === a.gpuUuid);
      const base: SliceAllocation = {
        node: p.node,
        gpuUuid: a.gpuUuid,
        gpuIndex: a.gpuIndex,
        gpuModel: gpu?.model ?? "",
        kind: a.kind,
        migProfile: "",
        migStart: 0,
        migSize: 0,
        migUuid: "",
        shareMilli: 0,
        shareMemoryMiB: 0,
      };
      if (a.kind === "mig") {
        base.migProfile = a.profile;
        base.migStart = a.start;
        base.migSize = gpu?.catalog?.mig?.profiles.find((x) => x.name === a.profile)?.memorySlices ?? 0;
      } else if (a.kind === "share") {
        base.shareMilli = a.milli;
        base.shareMemoryMiB = a.memoryMiB;
        if (a.migInstance) {
          base.migProfile = a.migInstance.profile;
          base.migStart = a.migInstance.start;
          base.migSize =
            gpu?.catalog?.mig?.profiles.find((x) => x.name === a.migInstance!.profile)?.memorySlices ?? 0;
        }
      }
      out.push(base);
    }
  }
  return out;
}

/** The desired layout of a node's GPUs: the engine's current modes and MIG instances (free ones included). */
export function desiredGpus(node: NodeState): GpuDesired[] {
  return node.gpus.map((g) => ({
    uuid: g.uuid,
    mode: g.mode,
    mig:
      g.mode === "mig"
        ? g.mig.map((i) => ({ profile: i.profile.name, start: i.start, size: i.profile.memorySlices }))
        : [],
  }));
}
