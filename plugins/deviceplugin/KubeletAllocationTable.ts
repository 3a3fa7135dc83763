import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { KubeletHolds } from "../../node-agent/agent/KubeletHolds.ts";
import type { DeviceKind } from "./AdvertisedResources.ts";
import type { AllocationSink, KubeletAllocation } from "./AllocationSink.ts";

/**
 * The devices the kubelet holds through this node's plugins, as reported to the scheduler.
 *
 * Release rules. The Device Plugin API never says when a container ends, so an allocation is held until the
 * kubelet shows that it is over:
 * - the kubelet's pod-resources List no longer shows any of its devices held by a running container
 *   (`notRunning`, called by PodResourcesReleaser), or
 * - the kubelet allocates one of its devices to another container (it never gives a device to two running
 *   containers, so the earlier container is gone: all of its devices are released), or
 * - one of its devices is no longer advertised (the slice is gone: layout change, GPU removed or handed to VMs).
 * The table is kept in a file when given one, so an agent restart does not forget what pods hold (the kubelet
 * does not call Allocate again for running containers).
 */
export class KubeletAllocationTable implements AllocationSink, KubeletHolds {
  private held: KubeletAllocation[] = [];

  constructor(
    private readonly options: {
      /** Called after every change (e.g. to report to the scheduler at once). */
      onChange?: () => void;
      /** JSON file the table survives restarts in. */
      path?: string;
    } = {},
  ) {
    if (options.path) this.held = readTable(options.path);
  }

  reportAllocation(allocation: KubeletAllocation): void {
    const taken = new Set(allocation.deviceIds);
    this.held = this.held.filter((a) => !a.deviceIds.some((id) => taken.has(id)));
    this.held.push(allocation);
    this.changed();
  }

  /** Releases every allocation with a device the plugin no longer advertises. */
  advertised(deviceIds: ReadonlySet<string>): void {
    this.keep((a) => a.deviceIds.every((id) => deviceIds.has(id)));
  }

  /**
   * Releases every allocation made before `madeBefore` of which no device is held by a running container.
   * Later ones are kept: the kubelet records a container's devices only after Allocate returns, so a List
   * answered meanwhile does not show them yet.
   */
  notRunning(isHeld: (resourceName: string, deviceId: string) => boolean, madeBefore: Date): void {
    this.keep((a) => a.at >= madeBefore || a.deviceIds.some((id) => isHeld(a.resourceName, id)));
  }

  private keep(predicate: (allocation: KubeletAllocation) => boolean): void {
    const kept = this.held.filter(predicate);
    if (kept.length === this.held.length) return;
    this.held = kept;
    this.changed();
  }

  current(): readonly KubeletAllocation[] {
    return this.held;
  }

  private changed(): void {
    const { path, onChange } = this.options;
    if (path) {
      writeFileSync(`${path}.tmp`, JSON.stringify(this.held));
      renameSync(`${path}.tmp`, path);
    }
    onChange?.();
  }
}

const deviceKinds: ReadonlySet<string> = new Set<DeviceKind>(["gpu", "mig", "shared", "vfio"]);

function readTable(path: string): KubeletAllocation[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return [];
  }
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message}); delete it if no pod holds GPUs here`);
  }
  if (!Array.isArray(rows) || !rows.every(isAllocation)) {
    throw new Error(`${path}: not a list of kubelet allocations; delete it if no pod holds GPUs here`);
  }
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

function isAllocation(row: unknown): row is Omit<KubeletAllocation, "at"> & { at: string } {
  if (typeof row !== "object" || row === null) return false;
  const r = row as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
  return (
    typeof r.resourceName === "string" &&
    typeof r.kind === "string" &&
    deviceKinds.has(r.kind) &&
    typeof r.at === "string" &&
    strings(r.deviceIds) &&
    strings(r.gpuUuids)
  );
}
