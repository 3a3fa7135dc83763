import { describe, expect, it } from "vitest";
import { PlacementLoop } from "./PlacementLoop.ts";
import { ManualTime } from "./testing/ManualTime.ts";

describe("PlacementLoop", () => {
  it("starts no cycle once closed, not even one asked for before (or chained behind the running one)", async () => {
    const time = new ManualTime();
    let cycles = 0;
    let finishRunning: () => void = () => {};
    const loop = new PlacementLoop(
      time.clock,
      time,
      () => {
        cycles++;
        return new Promise<void>((resolve) => {
          finishRunning = resolve;
        });
      },
      () => {},
    );
    loop.request();
    await time.advance(1);
    expect(cycles).toBe(1);
    // A second cycle is asked for while the first still runs (it waits for its store write) ...
    loop.request();
    await time.advance(100);
    // ... and placing stops before the first one's write is done.
    const closed = loop.close();
    finishRunning();
    await closed;
    loop.request();
    await time.advance(1_000);
    expect(cycles).toBe(1);
  });

  it("makes any number of requests one cycle", async () => {
    const time = new ManualTime();
    let cycles = 0;
    const loop = new PlacementLoop(
      time.clock,
      time,
      async () => void cycles++,
      () => {},
    );
    for (let i = 0; i < 10; i++) loop.request();
    await time.advance(100);
    expect(cycles).toBe(1);
  });
});
