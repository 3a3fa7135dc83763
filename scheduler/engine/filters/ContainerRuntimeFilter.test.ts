import { describe, expect, it } from "vitest";
import { PlacementEngine } from "../PlacementEngine.ts";
import type { PlacementRequest } from "../PlacementRequest.ts";
import { createPolicy } from "../PolicyRegistry.ts";
import { nodeOf } from "../test/fixtures.ts";

const containerJob: PlacementRequest = {
  id: "ctr",
  cpuMilli: 0,
  memoryMiB: 0,
  gpu: { kind: "whole", count: 1 },
  container: true,
};

function engineOf(runtimes: Array<string[] | undefined>) {
  const nodes = runtimes.map((containerRuntimes, i) => ({
    ...nodeOf(`n${i}`, 2, { mode: "whole" }),
    containerRuntimes,
  }));
  return new PlacementEngine({ nodes }, { policy: createPolicy("tessera"), seed: 1 });
}

describe("container runtime filter", () => {
  it("places a container job only on a node whose agent can run containers", () => {
    const result = engineOf([[], ["podman"], []]).place(containerJob);
    expect(result.ok && result.placement.node).toBe("n1");
  });

  it("says why a container job waits when no node has a container runtime", () => {
    const result = engineOf([[], []]).place(containerJob);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.unschedulable.message).toBe(
        "0/2 nodes are available: 2 cannot run container jobs (no container runtime: see tessera agent --container-runtime).",
      );
  });

  it("leaves host jobs alone, and does not mix them up with container jobs of the same shape", () => {
    const engine = engineOf([[], []]);
    const host = { ...containerJob, id: "host", container: false };
    expect(engine.place(containerJob).ok).toBe(false);
    expect(engine.place(host).ok).toBe(true);
    expect(engine.place(containerJob).ok).toBe(false);
  });
});
