import { computeInstanceProfileIndexBySlices } from "../../proto/catalog/GpuCatalog.ts";
import {
  catalogMigProfiles,
  type MigInstance,
  type MigProfileInfo,
  readComputeInstances,
  readMigInstances,
  readMigProfiles,
} from "../nvml/MigInventory.ts";
import type { Nvml } from "../nvml/Nvml.ts";
import { NvmlError, NvmlReturn } from "../nvml/NvmlError.ts";
import type { DeviceHandle, GpuInstanceHandle, ProcessInfo } from "../nvml/nvmlTypes.ts";
import {
  gpuInstanceSignature,
  type MigInstanceRequest,
  type PlannedGpuInstance,
  planMigLayout,
} from "./MigPlanner.ts";

/** The desired MIG layout of one GPU: what the agent (or `tessera mig apply`) asks for. */
export interface GpuMigRequest {
  gpuIndex: number;
  /** Default true. False: no instances, MIG mode off. */
  migEnabled?: boolean;
  /** Profiles (`3g.40gb`, `1c.3g.40gb`), optionally pinned to a start: `{ profile: "3g.40gb", start: 4 }`. */
  instances: readonly (string | MigInstanceRequest)[];
}

export type MigActionKind = "enable-mig" | "disable-mig" | "create" | "destroy";

/** One change made on a GPU. For create/destroy: the GPU instance and its compute instances. */
export interface MigAction {
  kind: MigActionKind;
  profile?: string;
  start?: number;
  size?: number;
  gpuInstanceId?: number;
  /** MIG devices (compute instances) created or destroyed with it. */
  devices?: { computeInstanceId: number | null; profile: string; uuid: string | null }[];
}

export interface GpuMigResult {
  gpuIndex: number;
  uuid: string;
  name: string;
  migEnabled: boolean;
  actions: MigAction[];
  /** The layout after reconciling. */
  instances: MigInstance[];
}

export interface MigReconcileResult {
  /** False when every GPU already matched: nothing was touched. */
  changed: boolean;
  gpus: GpuMigResult[];
}

/** A refusal (nothing was changed) or a failure half-way (`rolledBack` says whether the old layout is back). */
export class MigReconcileError extends Error {
  readonly rolledBack: boolean | null;

  constructor(message: string, rolledBack: boolean | null) {
    super(message);
    this.name = "MigReconcileError";
    this.rolledBack = rolledBack;
  }
}

interface ExistingGi {
  gpuInstanceId: number;
  profileName: string;
  profileId: number;
  start: number;
  size: number;
  computeSlices: number[];
  rows: MigInstance[];
}

interface GpuWork {
  request: GpuMigRequest;
  device: DeviceHandle;
  label: string;
  uuid: string;
  name: string;
  migEnabledNow: boolean;
  wantEnabled: boolean;
  processes: ProcessInfo[];
  keep: ExistingGi[];
  destroy: ExistingGi[];
  create: PlannedGpuInstance[];
  actions: MigAction[];
}

type JournalEntry =
  | { kind: "mode"; work: GpuWork; previous: boolean }
  | { kind: "destroyed"; work: GpuWork; gi: ExistingGi }
  | { kind: "created"; work: GpuWork; gpuInstanceId: number };

/** "2 processes are running (PIDs 1201, 1202). Stop them" */
function runningProcesses(processes: readonly ProcessInfo[]): string {
  const list = processes.map((p) => p.pid).join(", ");
  return processes.length === 1
    ? `1 process is running (PID ${list}). Stop it`
    : `${processes.length} processes are running (PIDs ${list}). Stop them`;
}

function groupGpuInstances(rows: readonly MigInstance[]): ExistingGi[] {
  const byId = new Map<number, ExistingGi>();
  for (const row of rows) {
    const gi = byId.get(row.gpuInstanceId) ?? {
      gpuInstanceId: row.gpuInstanceId,
      profileName: row.gpuInstanceProfile,
      profileId: row.gpuInstanceProfileId,
      start: row.start,
      size: row.size,
      computeSlices: [],
      rows: [],
    };
    if (row.computeInstanceId !== null) gi.computeSlices.push(row.computeSlices);
    gi.rows.push(row);
    byId.set(row.gpuInstanceId, gi);
  }
  return [...byId.values()];
}

/** Reads one GPU and decides what to keep, destroy and create; throws MigReconcileError when it cannot. */
function planGpu(nvml: Nvml, request: GpuMigRequest): GpuWork {
  const count = nvml.deviceCount();
  if (!Number.isInteger(request.gpuIndex) || request.gpuIndex < 0 || request.gpuIndex >= count) {
    throw new MigReconcileError(
      `GPU ${request.gpuIndex} does not exist; this host has GPUs 0-${count - 1}`,
      null,
    );
  }
  const device = nvml.deviceByIndex(request.gpuIndex);
  const name = nvml.name(device);
  const uuid = nvml.uuid(device);
  const label = `GPU ${request.gpuIndex} (${name}, ${uuid})`;
  const wantEnabled = request.migEnabled ?? true;
  let migEnabledNow = false;
  try {
    migEnabledNow = nvml.migMode(device).current;
  } catch (error) {
    if (!NvmlError.isCode(error, NvmlReturn.ERROR_NOT_SUPPORTED)) throw error;
    if (wantEnabled) throw new MigReconcileError(`${label} does not support MIG`, null);
  }
  const work: GpuWork = {
    request,
    device,
    label,
    uuid,
    name,
    migEnabledNow,
    wantEnabled,
    processes: nvml.computeProcesses(device),
    keep: [],
    destroy: [],
    create: [],
    actions: [],
  };
  const profiles = migEnabledNow ? readMigProfiles(nvml, device) : catalogMigProfiles(name);
  const existing = migEnabledNow ? groupGpuInstances(readMigInstances(nvml, device, profiles)) : [];
  if (!wantEnabled) {
    work.destroy = existing;
    return work;
  }
  if (profiles.length === 0) {
    throw new MigReconcileError(
      `${label}: MIG is off and "${name}" is not in the GPU catalog, so its profiles are unknown; enable MIG ` +
        "first (an entry with mig-enabled: true and mig-devices: {}), then apply the layout",
      null,
    );
  }
  const requests = request.instances.map((i) => (typeof i === "string" ? { profile: i } : i));
  const plan = planMigLayout(
    profiles,
    requests,
    existing.map((e) => ({
      profileName: e.profileName,
      start: e.start,
      computeSlices: e.computeSlices,
      busy: work.processes.some((p) => p.gpuInstanceId === e.gpuInstanceId),
    })),
  );
  if (!plan.ok) {
    const wanted = requests
      .map((r) => (r.start === undefined ? r.profile : `${r.profile}@${r.start}`))
      .join(", ");
    throw new MigReconcileError(`${label}: layout [${wanted}] does not fit: ${plan.reason}`, null);
  }
  const unmatched = [...existing];
  for (const planned of plan.instances) {
    const key = gpuInstanceSignature(planned.profile.name, planned.start, planned.computeSlices);
    const at = unmatched.findIndex(
      (e) => gpuInstanceSignature(e.profileName, e.start, e.computeSlices) === key,
    );
    if (at >= 0) work.keep.push(...unmatched.splice(at, 1));
    else work.create.push(planned);
  }
  work.destroy = unmatched;
  return work;
}

/** Refusals that must stop the whole apply before anything changes: running processes in the way. */
function processRefusals(work: GpuWork): string[] {
  const problems: string[] = [];
  const modeChange = work.wantEnabled !== work.migEnabledNow;
  for (const gi of work.destroy) {
    const running = work.processes.filter((p) => p.gpuInstanceId === gi.gpuInstanceId);
    if (running.length > 0) {
      problems.push(
        `${work.label}: cannot destroy ${gi.profileName} instance at slot ${gi.start} (GPU instance ` +
          `${gi.gpuInstanceId}): ${runningProcesses(running)} or drain the node first.`,
      );
    }
  }
  if (modeChange && work.processes.length > 0 && problems.length === 0) {
    problems.push(
      `${work.label}: cannot ${work.wantEnabled ? "enable" : "disable"} MIG mode: ` +
        `${runningProcesses(work.processes)} or drain the node first.`,
    );
  }
  return problems;
}

function destroyGpuInstance(nvml: Nvml, device: DeviceHandle, gpuInstanceId: number): void {
  const gi = nvml.gpuInstanceById(device, gpuInstanceId);
  for (const ci of readComputeInstances(nvml, gi)) nvml.destroyComputeInstance(ci.handle);
  nvml.destroyGpuInstance(gi);
}

function createComputeInstances(nvml: Nvml, gi: GpuInstanceHandle, slices: readonly number[]): void {
  for (const c of slices) {
    const index = computeInstanceProfileIndexBySlices[c];
    if (index === undefined) throw new Error(`no compute-instance profile for ${c} compute slices`);
    nvml.createComputeInstance(gi, nvml.computeInstanceProfileInfo(gi, index).id);
  }
}

function setMigMode(nvml: Nvml, work: GpuWork, enabled: boolean): void {
  const activation = nvml.setMigMode(work.device, enabled);
  if (activation !== NvmlReturn.SUCCESS) {
    throw new NvmlError(
      "nvmlDeviceSetMigMode",
      activation,
      `${work.label}: MIG mode change is pending (reset the GPU)`,
    );
  }
}

function applyGpu(nvml: Nvml, work: GpuWork, journal: JournalEntry[]): void {
  if (work.wantEnabled && !work.migEnabledNow) {
    setMigMode(nvml, work, true);
    journal.push({ kind: "mode", work, previous: false });
    work.actions.push({ kind: "enable-mig" });
  }
  for (const gi of work.destroy) {
    destroyGpuInstance(nvml, work.device, gi.gpuInstanceId);
    journal.push({ kind: "destroyed", work, gi });
    work.actions.push({
      kind: "destroy",
      profile: gi.profileName,
      start: gi.start,
      size: gi.size,
      gpuInstanceId: gi.gpuInstanceId,
      devices: gi.rows
        .filter((r) => r.computeInstanceId !== null)
        .map((r) => ({ computeInstanceId: r.computeInstanceId, profile: r.profile, uuid: r.uuid })),
    });
  }
  if (work.create.length > 0) {
    // Profile IDs as the driver reports them now that MIG is on (the plan may come from the catalog).
    const live = new Map(readMigProfiles(nvml, work.device).map((p) => [p.name, p]));
    for (const planned of work.create) {
      const profile: MigProfileInfo | undefined = live.get(planned.profile.name);
      if (!profile) throw new Error(`${work.label}: the driver does not offer ${planned.profile.name}`);
      const gi = nvml.createGpuInstanceWithPlacement(work.device, profile.id, {
        start: planned.start,
        size: profile.memorySlices,
      });
      const gpuInstanceId = nvml.gpuInstanceInfo(gi).id;
      journal.push({ kind: "created", work, gpuInstanceId });
      createComputeInstances(nvml, gi, planned.computeSlices);
      work.actions.push({
        kind: "create",
        profile: profile.name,
        start: planned.start,
        size: profile.memorySlices,
        gpuInstanceId,
      });
    }
  }
  if (!work.wantEnabled && work.migEnabledNow) {
    setMigMode(nvml, work, false);
    journal.push({ kind: "mode", work, previous: true });
    work.actions.push({ kind: "disable-mig" });
  }
}

/** Undoes the journal newest-first; returns the problems it met (empty: the old layout is back). */
function rollBack(nvml: Nvml, journal: JournalEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of [...journal].reverse()) {
    try {
      if (entry.kind === "created") destroyGpuInstance(nvml, entry.work.device, entry.gpuInstanceId);
      else if (entry.kind === "mode") nvml.setMigMode(entry.work.device, entry.previous);
      else {
        const gi = nvml.createGpuInstanceWithPlacement(entry.work.device, entry.gi.profileId, {
          start: entry.gi.start,
          size: entry.gi.size,
        });
        createComputeInstances(nvml, gi, entry.gi.computeSlices);
      }
    } catch (error) {
      problems.push(`${entry.work.label}: undoing ${entry.kind}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Makes the GPUs' MIG layouts match `requests`, idempotently: it plans every GPU first and refuses (changing
 * nothing) when a layout cannot fit or would destroy an instance with running processes; it keeps instances that
 * already match, destroys and creates only the difference with explicit placements, and on a failure half-way
 * restores the previous layout of every GPU it touched. GPUs not in `requests` are left alone.
 */
export function reconcileMig(nvml: Nvml, requests: readonly GpuMigRequest[]): MigReconcileResult {
  const seen = new Set<number>();
  for (const r of requests) {
    if (seen.has(r.gpuIndex))
      throw new MigReconcileError(`GPU ${r.gpuIndex} appears twice in the request`, null);
    seen.add(r.gpuIndex);
  }
  const works = requests.map((r) => planGpu(nvml, r));
  const refusals = works.flatMap(processRefusals);
  if (refusals.length > 0) throw new MigReconcileError(refusals.join("\n"), null);

  const journal: JournalEntry[] = [];
  for (const work of works) {
    try {
      applyGpu(nvml, work, journal);
    } catch (error) {
      const problems = rollBack(nvml, journal);
      const outcome =
        problems.length === 0
          ? "the previous layout was restored (MIG UUIDs of re-created instances are new)"
          : `restoring the previous layout failed too:\n${problems.join("\n")}`;
      throw new MigReconcileError(
        `${work.label}: applying the MIG layout failed: ${(error as Error).message}; ${outcome}`,
        problems.length === 0,
      );
    }
  }

  const gpus = works.map((work): GpuMigResult => {
    const enabled = work.wantEnabled;
    const instances = enabled ? readMigInstances(nvml, work.device, readMigProfiles(nvml, work.device)) : [];
    for (const action of work.actions) {
      if (action.kind !== "create") continue;
      action.devices = instances
        .filter((i) => i.gpuInstanceId === action.gpuInstanceId && i.computeInstanceId !== null)
        .map((i) => ({ computeInstanceId: i.computeInstanceId, profile: i.profile, uuid: i.uuid }));
    }
    return {
      gpuIndex: work.request.gpuIndex,
      uuid: work.uuid,
      name: work.name,
      migEnabled: enabled,
      actions: work.actions,
      instances,
    };
  });
  return { changed: gpus.some((g) => g.actions.length > 0), gpus };
}
