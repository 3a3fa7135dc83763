/**
 * The server a GPU model usually comes in: its GPU count, vCPUs (hardware threads) and memory. Simulated nodes
 * (`tessera up`) and the nodes `tessera capacity plan` adds get these, in proportion to their GPU count, so that
 * pods' CPU and memory requests meet real limits. Sources in docs/http-and-metrics.md ("Reference servers").
 */
export interface ReferenceServer {
  /** What the figures are from, e.g. `NVIDIA DGX H100`. */
  server: string;
  gpus: number;
  vcpus: number;
  memoryGiB: number;
}

const servers: Readonly<Record<string, ReferenceServer>> = {
  "H100-SXM5-80GB": { server: "NVIDIA DGX H100", gpus: 8, vcpus: 224, memoryGiB: 2048 },
  "H200-141GB": { server: "NVIDIA DGX H200", gpus: 8, vcpus: 224, memoryGiB: 2048 },
  "H100-NVL-94GB": { server: "Azure NC80adis H100 v5", gpus: 2, vcpus: 80, memoryGiB: 640 },
  "A100-SXM4-40GB": { server: "NVIDIA DGX A100 (320 GB)", gpus: 8, vcpus: 256, memoryGiB: 1024 },
  "A100-80GB": { server: "NVIDIA DGX A100 (640 GB)", gpus: 8, vcpus: 256, memoryGiB: 2048 },
  "A30-24GB": { server: "2-socket 4-GPU PCIe server (assumed)", gpus: 4, vcpus: 64, memoryGiB: 512 },
  "L4-24GB": { server: "AWS g6.48xlarge", gpus: 8, vcpus: 192, memoryGiB: 768 },
  "T4-16GB": { server: "AWS g4dn.metal", gpus: 8, vcpus: 96, memoryGiB: 384 },
};

export function referenceServer(modelId: string): ReferenceServer {
  const server = servers[modelId];
  if (!server)
    throw new Error(`no reference server for GPU model "${modelId}"; add one to ReferenceServers.ts`);
  return server;
}

/** Host CPU (millicores) and memory (MiB) of a node with `gpus` GPUs of the model: its share of the server. */
export function referenceHost(modelId: string, gpus: number): { cpuMillis: number; memoryMiB: number } {
  const s = referenceServer(modelId);
  return {
    cpuMillis: Math.round((s.vcpus * 1000 * gpus) / s.gpus),
    memoryMiB: Math.round((s.memoryGiB * 1024 * gpus) / s.gpus),
  };
}
