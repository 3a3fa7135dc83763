import { describe, expect, it } from "vitest";
import type { FleetNode } from "../readmodel/FleetReadModel.ts";
import { metricsSeenBy, nodesSeenBy } from "./OtherTenants.ts";
import { job, migGpu, withInstanceShares } from "./SampleFleet.ts";
import { renderTop } from "./TopView.ts";

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

  it("names the caller's own share job on a shared MIG instance and leaves another tenant's anonymous, id included", () => {
    const gpu = withInstanceShares(
      migGpu("m", 0, "H100-SXM5-80GB", [
        ["4g.40gb", 0, "j-mig"],
        ["3g.40gb", 4],
      ]),
      4,
      [
        ["j-alice-secret", 250],
        ["j-bob", 178],
      ],
    );
    const fleet: FleetNode[] = [{ name: "m", state: "Ready", labels: {}, gpus: [gpu] }];
    const jobs = [
      job("j-mig", "team-a", "q", { name: "alice-mig" }),
      job("j-alice-secret", "team-a", "q", { name: "alice-secret-share" }),
      job("j-bob", "team-b", "q", { name: "bob-share" }),
    ];
    const admin = renderTop({ nodes: fleet, jobs, samples: [], idle: [] });
    expect(admin).toMatch(/3g\.40gb\s+@4\s+-\s+MPS: alice-secret-share \(team-a\), bob-share \(team-b\)/);

    const nodes = nodesSeenBy(fleet, jobs, sees);
    const shared = nodes[0]!.gpus[0]!.slices.find((s) => s.placementStart === 4)!;
    expect(shared.shares?.map((s) => [s.jobId, s.otherTenant, s.id])).toEqual([
      [undefined, true, "GPU-m-0/mig-4/share-other-0"],
      ["j-bob", undefined, "GPU-m-0/mig-4/share-j-bob"],
    ]);
    const seen = JSON.stringify(nodes);
    expect(seen).not.toMatch(/j-alice|j-mig|team-a/);
    // bob's top: his share named, alice's anonymous, the instance named as shared by MPS.
    const bobsTop = renderTop({ nodes, jobs: jobs.filter((j) => sees(j.tenant)), samples: [], idle: [] });
    expect(bobsTop).toMatch(/3g\.40gb\s+@4\s+-\s+MPS: other tenant, bob-share \(team-b\)/);
    expect(bobsTop).not.toMatch(/alice|team-a/);
  });
});
