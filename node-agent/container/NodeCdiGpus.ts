import { existsSync, readFileSync } from "node:fs";
import type { GpuInventory } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { Nvml } from "../nvml/Nvml.ts";
import type { CdiGpu } from "./CdiSpec.ts";

/**
 * The driver's MIG capability minors (/proc/driver/nvidia-caps/mig-minors): `gpu0/gi1/access 12` and
 * `gpu0/gi1/ci0/access 13` grant access to GPU instance 1 and its compute instance 0 of the GPU with minor 0.
 */
export function parseMigMinors(text: string): Map<string, number> {
  const minors = new Map<string, number>();
  for (const line of text.split("\n")) {
    const m = /^(gpu\d+\/gi\d+(?:\/ci\d+)?)\/access\s+(\d+)$/.exec(line.trim());
    if (m?.[1] && m[2]) minors.set(m[1], Number(m[2]));
  }
  return minors;
}

/**
 * The node's GPUs as the CDI spec names them. MIG devices keep NVML's MIG device index (as NVIDIA's toolkit
 * names them), each with the capability minors of its GPU and compute instance where the driver has them.
 */
export function nodeCdiGpus(
  inventory: readonly GpuInventory[],
  observed: readonly GpuObserved[],
  minorOf: (uuid: string) => number,
  migMinors: ReadonlyMap<string, number>,
): CdiGpu[] {
  return inventory.map((gpu) => {
    const uuid = gpu.uuid ?? "";
    const minor = minorOf(uuid);
    const instances = (observed.find((o) => o.uuid === uuid)?.instances ?? [])
      .filter((i) => i.uuid && i.migDeviceIndex != null)
      .sort((a, b) => (a.migDeviceIndex ?? 0) - (b.migDeviceIndex ?? 0));
    return {
      index: gpu.index ?? 0,
      uuid,
      minor,
      migs: instances.map((i) => {
        const gi = `gpu${minor}/gi${i.gpuInstanceId ?? 0}`;
        const caps = [migMinors.get(gi), migMinors.get(`${gi}/ci${i.computeInstanceId ?? 0}`)];
        return {
          index: i.migDeviceIndex ?? 0,
          uuid: i.uuid ?? "",
          capMinors: caps.filter((c): c is number => c !== undefined),
        };
      }),
    };
  });
}

/** Where the driver lists the minors of the MIG capability device nodes. */
const migMinorsFile = "/proc/driver/nvidia-caps/mig-minors";

/**
 * The `gpus` source of a CdiSpecWriter over the node's NVML session: device minors from NVML (read once per
 * GPU), MIG capability minors from the driver (none on stand-in GPUs, whose device nodes are stand-ins anyway).
 */
export function nvmlCdiGpus(
  nvml: Pick<Nvml, "deviceByUuid" | "minorNumber">,
  inventory: () => readonly GpuInventory[],
  standin: boolean,
): (observed: readonly GpuObserved[]) => CdiGpu[] {
  const minors = new Map<string, number>();
  const minorOf = (uuid: string) => {
    let minor = minors.get(uuid);
    if (minor === undefined) {
      minor = nvml.minorNumber(nvml.deviceByUuid(uuid));
      minors.set(uuid, minor);
    }
    return minor;
  };
  return (observed) => {
    const migMinors = standin || !existsSync(migMinorsFile) ? "" : readFileSync(migMinorsFile, "utf8");
    return nodeCdiGpus(inventory(), observed, minorOf, parseMigMinors(migMinors));
  };
}
