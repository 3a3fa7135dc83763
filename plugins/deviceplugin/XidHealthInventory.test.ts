import { describe, expect, it } from "vitest";
import { exampleInventory, uuids } from "../../test/deviceplugin-fixtures.ts";
import { MemorySliceInventory } from "./MemorySliceInventory.ts";
import type { NodeInventory } from "./SliceInventory.ts";
import { XidHealthInventory } from "./XidHealthInventory.ts";

function setup() {
  let now = 1_000;
  const base = new MemorySliceInventory(exampleInventory());
  const health = new XidHealthInventory(base, { ignoredXids: [13, 43], recoveryMs: 10_000, now: () => now });
  const seen: NodeInventory[] = [];
  health.subscribe((inventory) => seen.push(inventory));
  return { base, health, seen, advance: (ms: number) => (now += ms) };
}

const gpuHealth = (inventory: NodeInventory, index: number) => inventory.gpus[index]!.health;

describe("Xid health", () => {
  it("ignores application Xids and takes a GPU down for the recovery window after a critical one", () => {
    const { health, seen, advance } = setup();
    expect(health.recordXid({ gpuUuid: uuids.h100[0], xid: 43 })).toBe(false);
    expect(seen).toHaveLength(0);
    health.recordXid({ gpuUuid: uuids.h100[0], xid: 79, gpuInstanceId: 0xffffffff });
    expect(gpuHealth(health.current(), 0)).toBe("Unhealthy");
    expect(health.reasons()).toEqual({ [uuids.h100[0]]: "Xid 79" });
    advance(6_000);
    health.recordXid({ gpuUuid: uuids.h100[0], xid: 48 });
    advance(6_000);
    // The second Xid restarted the window.
    expect(gpuHealth(health.current(), 0)).toBe("Unhealthy");
    advance(4_001);
    expect(gpuHealth(health.current(), 0)).toBe("Healthy");
    expect(health.reasons()).toEqual({});
    health.close();
  });

  it("scopes a MIG Xid to its GPU instance and recovers on the agent's word", () => {
    const { health } = setup();
    health.recordXid({ gpuUuid: uuids.a100, xid: 94, gpuInstanceId: 9, computeInstanceId: null });
    const a100 = health.current().gpus[4]!;
    expect(a100.health).toBe("Healthy");
    expect(a100.use.mode === "mig" && a100.use.instances.map((i) => i.health)).toEqual([
      "Unhealthy",
      "Healthy",
      "Healthy",
    ]);
    health.markRecovered(uuids.a100);
    const after = health.current().gpus[4]!;
    expect(after.use.mode === "mig" && after.use.instances.every((i) => i.health === "Healthy")).toBe(true);
    health.close();
  });

  it("marks everything unhealthy while the agent is, and passes base changes through", () => {
    const { base, health, seen } = setup();
    health.setAgentHealth("NVML: GPU is lost");
    expect(health.current().gpus.every((g) => g.health === "Unhealthy")).toBe(true);
    health.setAgentHealth(null);
    const next = exampleInventory();
    next.gpus[2]!.health = "Unhealthy";
    base.set(next);
    expect(gpuHealth(seen.at(-1)!, 2)).toBe("Unhealthy");
    expect(gpuHealth(seen.at(-1)!, 1)).toBe("Healthy");
    health.close();
  });
});
