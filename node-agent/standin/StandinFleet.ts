import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Nvml } from "../nvml/Nvml.ts";
import { ensureStandinLibrary } from "./StandinBuild.ts";

/** A process the stand-in reports on a GPU, or on a MIG instance when the ids are given. */
export interface StandinProcess {
  pid: number;
  usedMemoryMiB?: number;
  gpuInstanceId?: number;
  computeInstanceId?: number;
}

export type StandinXid = number | { xid: number; gpuInstanceId?: number; computeInstanceId?: number };

/** One GPU of a fleet file; every field but `model` is optional (docs/nvml.md). */
export interface StandinGpu {
  model: string;
  mig?: boolean;
  uuid?: string;
  serial?: string;
  pciBusId?: string;
  numaNode?: number;
  pciSwitch?: number;
  nvlinkPeers?: number[];
  utilization?: { gpu?: number; memory?: number };
  temperatureC?: number;
  powerW?: number;
  memoryUsedMiB?: number;
  memoryReservedMiB?: number;
  processes?: StandinProcess[];
  xids?: StandinXid[];
}

export interface StandinFleetFile {
  gpus: StandinGpu[];
  driverVersion?: string;
  nvmlVersion?: string;
  cudaDriverVersion?: number;
}

/**
 * A stand-in fleet in its own temporary folder (fleet file + state file), for tests and demos: `env` is what a
 * process needs to see it, `write` changes it while processes run, `open` gives an Nvml on it in this process.
 */
export class StandinFleet {
  readonly dir: string;
  readonly fleetPath: string;
  readonly statePath: string;
  readonly libraryPath: string;

  private constructor(fleet: StandinFleetFile) {
    this.libraryPath = ensureStandinLibrary();
    this.dir = mkdtempSync(join(tmpdir(), "tessera-standin-"));
    this.fleetPath = join(this.dir, "fleet.json");
    this.statePath = join(this.dir, "state.json");
    this.write(fleet);
  }

  static create(fleet: StandinFleetFile): StandinFleet {
    return new StandinFleet(fleet);
  }

  /** TESSERA_NVML_LIBRARY, TESSERA_NVML_STANDIN_FLEET and TESSERA_NVML_STANDIN_STATE for this fleet. */
  get env(): Record<string, string> {
    return {
      TESSERA_NVML_LIBRARY: this.libraryPath,
      TESSERA_NVML_STANDIN_FLEET: this.fleetPath,
      TESSERA_NVML_STANDIN_STATE: this.statePath,
    };
  }

  /**
   * Replaces the fleet file atomically; the stand-in re-reads it on its next call. The modification time always
   * moves forward, so two writes within one clock tick are still seen.
   */
  write(fleet: StandinFleetFile | string): void {
    let previous: Date | null = null;
    try {
      previous = statSync(this.fleetPath).mtime;
    } catch {
      previous = null;
    }
    const tmp = `${this.fleetPath}.${process.pid}.tmp`;
    writeFileSync(tmp, typeof fleet === "string" ? fleet : JSON.stringify(fleet, null, 2));
    if (previous) {
      const next = new Date(Math.max(Date.now(), previous.getTime() + 1000));
      utimesSync(tmp, next, next);
    }
    renameSync(tmp, this.fleetPath);
  }

  /** Points this process's environment at the fleet and opens NVML on it (close it when done). */
  open(): Nvml {
    Object.assign(process.env, this.env);
    return Nvml.open(this.libraryPath);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
