import type { GpuSpec, NodeSpec, SharingMode } from "../ClusterSpec.ts";

/** A node of `gpus` GPUs of one model, all in `mode`, optionally fully NVLinked. */
export function nodeOf(
  name: string,
  gpus: number,
  opts: {
    model?: string;
    mode?: SharingMode;
    memoryMiB?: number;
    cpuMilli?: number;
    nvlink?: boolean;
    labels?: Record<string, string>;
  } = {},
): NodeSpec {
  const list: GpuSpec[] = [];
  for (let i = 0; i < gpus; i++) {
    const gpu: GpuSpec = {
      uuid: `GPU-${name}-${i}`,
      index: i,
      model: opts.model ?? "H100-SXM5-80GB",
      memoryMiB: opts.memoryMiB ?? 81559,
      mode: opts.mode ?? "shared",
    };
    if (opts.nvlink) gpu.nvlinkPeers = [...Array(gpus).keys()].filter((j) => j !== i);
    list.push(gpu);
  }
  const spec: NodeSpec = { name, cpuMilli: opts.cpuMilli ?? 64000, memoryMiB: 512 * 1024, gpus: list };
  if (opts.labels) spec.labels = opts.labels;
  return spec;
}
