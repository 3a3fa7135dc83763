import {
  type FleetGpu,
  type FleetJob,
  type FleetNode,
  type FleetSlice,
  type FleetSnapshot,
  heldParts,
} from "../readmodel/FleetReadModel.ts";
import type { UtilizationSample } from "./UtilizationSample.ts";

/** A slice held by a job, with everything the ledger, the idle detector and the metrics label it by. */
export interface HeldSlice {
  node: FleetNode;
  gpu: FleetGpu;
  slice: FleetSlice;
  job: FleetJob;
}

/** Who a utilization sample belongs to at the moment it was taken. */
export interface SampleAttribution {
  node: string;
  gpu: FleetGpu | undefined;
  profile: string;
  /**
   * The held slices the reading speaks for: one MIG instance, the whole GPU, or every share of a shared GPU or of
   * a shared MIG instance.
   */
  held: HeldSlice[];
}

/** Lookups over one fleet snapshot, rebuilt whenever the scheduler commits a change. */
export class FleetIndex {
  readonly held: HeldSlice[] = [];
  private readonly gpus = new Map<string, { node: FleetNode; gpu: FleetGpu }>();
  private readonly heldByMig = new Map<string, HeldSlice[]>();
  private readonly heldByGpu = new Map<string, HeldSlice[]>();

  private readonly jobs: Map<string, FleetJob>;

  /** `lookup` finds a job the snapshot leaves out (one that holds nothing now). */
  constructor(
    readonly snapshot: FleetSnapshot,
    private readonly lookup: (id: string) => FleetJob | undefined = () => undefined,
  ) {
    const jobs = new Map(snapshot.jobs.map((j) => [j.id, j]));
    this.jobs = jobs;
    for (const node of snapshot.nodes) {
      for (const gpu of node.gpus) {
        this.gpus.set(gpu.uuid, { node, gpu });
        for (const slice of gpu.slices.flatMap(heldParts)) {
          const job = slice.jobId === undefined ? undefined : jobs.get(slice.jobId);
          if (!job) continue;
          const held = { node, gpu, slice, job };
          this.held.push(held);
          if (slice.migUuid)
            this.heldByMig.set(slice.migUuid, [...(this.heldByMig.get(slice.migUuid) ?? []), held]);
          const onGpu = this.heldByGpu.get(gpu.uuid) ?? [];
          onGpu.push(held);
          this.heldByGpu.set(gpu.uuid, onGpu);
        }
      }
    }
  }

  /** A job of the snapshot, or one it leaves out. */
  job(id: string): FleetJob | undefined {
    return this.jobs.get(id) ?? this.lookup(id);
  }

  gpu(uuid: string): FleetGpu | undefined {
    return this.gpus.get(uuid)?.gpu;
  }

  attribute(sample: UtilizationSample): SampleAttribution {
    const gpu = this.gpu(sample.gpuUuid);
    if (sample.migUuid !== undefined) {
      const held = this.heldByMig.get(sample.migUuid) ?? [];
      const profile =
        held[0]?.slice.profile ?? gpu?.slices.find((s) => s.migUuid === sample.migUuid)?.profile;
      return { node: sample.node, gpu, profile: profile ?? "", held };
    }
    // A GPU-level reading of a MIG-mode GPU says nothing about which instance is busy.
    const held = gpu?.sharingMode === "mig" ? [] : (this.heldByGpu.get(sample.gpuUuid) ?? []);
    return { node: sample.node, gpu, profile: "", held };
  }
}
