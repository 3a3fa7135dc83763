import { describe, expect, it } from "vitest";
import { metricsSeenBy, nodesSeenBy } from "./OtherTenants.ts";

const sees = (tenant: string) => tenant === "team-b";

describe("what a non-admin sees of other tenants", () => {
  it("keeps another tenant's device series anonymous and drops its per-tenant counts", () => {
    const text = [
      "# HELP tessera_gpu_utilization_ratio GPU utilization",
      'tessera_gpu_utilization_ratio{gpu="0",UUID="GPU-1",tenant="team-a",job="j-0123456789ab"} 0.5',
      'tessera_gpu_utilization_ratio{gpu="1",UUID="GPU-2",tenant="team-b",job="j-ba9876543210"} 0.25',
      'tessera_gpu_utilization_ratio{gpu="2",UUID="GPU-3",tenant="",job=""} 0',
      'tessera_idle_allocations{queue="default",tenant="team-a"} 1',
      'tessera_idle_allocations{queue="default",tenant="team-b"} 2',
    ].join("\n");
    expect(metricsSeenBy(text, sees).split("\n")).toEqual([
      "# HELP tessera_gpu_utilization_ratio GPU utilization",
      'tessera_gpu_utilization_ratio{gpu="0",UUID="GPU-1",tenant="(other)",job=""} 0.5',
      'tessera_gpu_utilization_ratio{gpu="1",UUID="GPU-2",tenant="team-b",job="j-ba9876543210"} 0.25',
      'tessera_gpu_utilization_ratio{gpu="2",UUID="GPU-3",tenant="",job=""} 0',
      'tessera_idle_allocations{queue="default",tenant="team-b"} 2',
    ]);
  });

  it("marks another tenant's slice taken without its job", () => {
    const nodes = nodesSeenBy(
      [
        {
          name: "n1",
          state: "Ready",
          labels: {},
          gpus: [
            {
              uuid: "GPU-1",
              index: 0,
              modelId: "L4-24GB",
              modelName: "NVIDIA L4",
              memoryMiB: 24576,
              sharingMode: "whole",
              healthy: true,
              slices: [
                { id: "a", kind: "whole", share: 1, jobId: "j-a" },
                { id: "b", kind: "whole", share: 1, jobId: "j-b" },
                { id: "c", kind: "whole", share: 1 },
              ],
            },
          ],
        },
      ],
      [
        { id: "j-a", tenant: "team-a" },
        { id: "j-b", tenant: "team-b" },
      ]
        .map((j) => ({ ...j, name: j.id, queue: "q", priority: 0, kind: "batch", state: "Running" as const }))
        .map((j) => ({ ...j, request: "1 GPU", submittedAt: 0, sliceIds: [] })),
      sees,
    );
    expect(nodes[0]!.gpus[0]!.slices).toEqual([
      { id: "a", kind: "whole", share: 1, otherTenant: true },
      { id: "b", kind: "whole", share: 1, jobId: "j-b" },
      { id: "c", kind: "whole", share: 1 },
    ]);
  });
});
