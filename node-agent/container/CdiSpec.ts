/**
 * A CDI (Container Device Interface) spec for the node's NVIDIA GPUs, in the `nvidia.com/gpu` kind that NVIDIA's
 * container toolkit writes: each GPU by index (`0`) and UUID (`GPU-...`), each MIG device by `GPU:MIG` index
 * (`0:1`) and UUID (`MIG-...`). cdiVersion 0.5.0 is the newest that podman 4.3 (Debian 12) reads.
 */
export const cdiKind = "nvidia.com/gpu";
export const cdiVersion = "0.5.0";

export interface CdiDeviceNode {
  /** Where the node appears in the container. */
  path: string;
  /** The host's node it copies; absent: `path` on the host. */
  hostPath?: string;
}

export interface CdiContainerEdits {
  env?: string[];
  deviceNodes?: CdiDeviceNode[];
}

export interface CdiDevice {
  name: string;
  containerEdits: CdiContainerEdits;
}

export interface CdiSpec {
  cdiVersion: string;
  kind: string;
  devices: CdiDevice[];
  containerEdits: CdiContainerEdits;
}

/** One GPU of the node as the spec needs it: NVML index, UUID, device minor and its MIG devices. */
export interface CdiGpu {
  index: number;
  uuid: string;
  /** NVML's minor number: the GPU is /dev/nvidia<minor>. */
  minor: number;
  /**
   * Its MIG devices, each by NVML's MIG device index (the `MIG` of `GPU:MIG`, from nvmlDeviceGetMigDeviceHandleByIndex)
   * with the capability minors that grant access to it.
   */
  migs: { index: number; uuid: string; capMinors: number[] }[];
}

/** The driver's control nodes every GPU container needs. */
const controlNodes = ["/dev/nvidiactl", "/dev/nvidia-uvm", "/dev/nvidia-uvm-tools"];

/**
 * The spec for `gpus`. With `standin` (the stand-in NVML library, no driver) every device node is the host's
 * /dev/null at the real node's path, so that the whole path, from the spec to the job, runs without GPUs. Each
 * device also sets TESSERA_CDI_DEVICE_<name> to its UUID: a job (and a test) sees which devices it was given.
 */
export function nvidiaCdiSpec(gpus: readonly CdiGpu[], standin: boolean): CdiSpec {
  const node = (path: string): CdiDeviceNode => (standin ? { path, hostPath: "/dev/null" } : { path });
  const device = (name: string, uuid: string, paths: string[]): CdiDevice[] => {
    const containerEdits = {
      env: [`TESSERA_CDI_DEVICE_${name.replace(/\W/g, "_")}=${uuid}`],
      deviceNodes: paths.map(node),
    };
    return [
      { name, containerEdits },
      { name: uuid, containerEdits },
    ];
  };
  const devices: CdiDevice[] = [];
  for (const gpu of [...gpus].sort((a, b) => a.index - b.index)) {
    const gpuNode = `/dev/nvidia${gpu.minor}`;
    devices.push(...device(String(gpu.index), gpu.uuid, [gpuNode]));
    for (const mig of gpu.migs) {
      const caps = mig.capMinors.map((m) => `/dev/nvidia-caps/nvidia-cap${m}`);
      devices.push(...device(`${gpu.index}:${mig.index}`, mig.uuid, [gpuNode, ...caps]));
    }
  }
  return { cdiVersion, kind: cdiKind, devices, containerEdits: { deviceNodes: controlNodes.map(node) } };
}

/** The fully qualified CDI name of one of a spec's devices: `nvidia.com/gpu=0:1`. */
export function cdiDeviceName(name: string): string {
  return `${cdiKind}=${name}`;
}
