import type { XidEvent } from "./NvmlXidWatcher.ts";

/** Xids that an application causes (bad memory access, a killed context): not the GPU's fault, as in NVIDIA's plugin. */
export const applicationXids: readonly number[] = [13, 31, 43, 45, 68, 109];

/** What the critical Xids seen most often mean, for the health line the scheduler and `tessera nodes` show. */
const xidMeanings: Readonly<Record<number, string>> = {
  48: "double-bit ECC error",
  61: "internal micro-controller breakpoint",
  62: "internal micro-controller halt",
  63: "ECC page retirement or row remapping",
  64: "ECC page retirement or row remapping failure",
  74: "NVLink error",
  79: "fallen off the bus",
  92: "high single-bit ECC error rate",
  94: "contained ECC error",
  95: "uncontained ECC error",
  119: "GSP RPC timeout",
  120: "GSP error",
};

export interface GpuHealthOptions {
  /** Xids that do not count against a GPU's health (default: `applicationXids`). */
  ignoredXids?: readonly number[];
  /** Quiet time after a GPU's last critical Xid before it is healthy again. */
  recoveryMs: number;
  now?: () => number;
}

/**
 * Each GPU's health as the agent reports it (`GpuObserved.health`): `ok`, or why not: a critical Xid within its
 * recovery window (`xid 79: fallen off the bus`), the GPU lost to NVML, or NVML's event wait failing (which makes
 * every GPU's state unknown). It recovers by itself once the cause has passed.
 */
export class GpuHealth {
  /** Latest critical Xid per GPU and until when it counts. */
  private readonly xids = new Map<string, { xid: number; until: number }>();
  private readonly lost = new Map<string, string>();
  private nvmlProblem: string | null = null;
  private readonly now: () => number;

  constructor(private readonly options: GpuHealthOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Returns true when the Xid counts against the GPU's health (it is not an application's). */
  recordXid(event: XidEvent): boolean {
    if ((this.options.ignoredXids ?? applicationXids).includes(event.xid)) return false;
    this.xids.set(event.gpuUuid, { xid: event.xid, until: this.now() + this.options.recoveryMs });
    return true;
  }

  /** NVML's event wait failing (null when it answers again). */
  setNvmlProblem(problem: string | null): void {
    this.nvmlProblem = problem;
  }

  /** A GPU NVML reported lost (`reason`), or null when it answers again. */
  setLost(gpuUuid: string, reason: string | null): void {
    if (reason === null) this.lost.delete(gpuUuid);
    else this.lost.set(gpuUuid, reason);
  }

  healthOf(gpuUuid: string): string {
    const lost = this.lost.get(gpuUuid);
    if (lost) return lost;
    const xid = this.xids.get(gpuUuid);
    if (xid && xid.until > this.now())
      return `xid ${xid.xid}: ${xidMeanings[xid.xid] ?? "critical error (see NVIDIA's Xid catalog)"}`;
    if (xid) this.xids.delete(gpuUuid);
    return this.nvmlProblem ?? "ok";
  }
}
