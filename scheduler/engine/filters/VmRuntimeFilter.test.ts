import { describe, expect, it } from "vitest";
import { PlacementEngine } from "../PlacementEngine.ts";
import type { PlacementRequest } from "../PlacementRequest.ts";
import { createPolicy } from "../PolicyRegistry.ts";
import { nodeOf } from "../test/fixtures.ts";

const vmJob: PlacementRequest = {
  id: "vm",
  cpuMilli: 2000,
  memoryMiB: 4096,
  gpu: { kind: "whole", count: 1, passthrough: true },
};

function engineOf(runtimes: Array<string[] | undefined>) {
  const nodes = runtimes.map((vmRuntimes, i) => ({ ...nodeOf(`n${i}`, 2, { mode: "whole" }), vmRuntimes }));
  return new PlacementEngine({ nodes }, { policy: createPolicy("tessera"), seed: 1 });
}

describe("VM runtime filter", () => {
  it("places a VM job only on a node whose agent found a runnable VM runtime", () => {
    const result = engineOf([[], ["qemu"], []]).place(vmJob);
    expect(result.ok && result.placement.node).toBe("n1");
  });

  it("says why a VM job waits when no node can run VM jobs", () => {
    const result = engineOf([[], []]).place(vmJob);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.unschedulable.message).toBe(
        "0/2 nodes are available: 2 cannot run VM jobs (no runnable VM runtime).",
      );
  });

  it("leaves other jobs, and nodes whose agent does not advertise runtimes, alone", () => {
    const engine = engineOf([[], undefined]);
    expect(engine.place({ ...vmJob, id: "plain", gpu: { kind: "whole", count: 1 } }).ok).toBe(true);
    const vm = engine.place(vmJob);
    expect(vm.ok && vm.placement.node).toBe("n1");
  });
});
