import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AgentState } from "./AgentState.ts";
import { defaultFencingTimeoutMs, FencingClock } from "./FencingClock.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function stateDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-fencing-"));
  dirs.push(dir);
  return dir;
}

describe("FencingClock", () => {
  it("takes the scheduler's timeout, the flag's when shorter, and the default before either", () => {
    const state = new AgentState(stateDir());
    expect(new FencingClock(state, undefined).timeoutMs()).toBe(defaultFencingTimeoutMs);
    const flagged = new FencingClock(state, 60_000);
    expect(flagged.timeoutMs()).toBe(60_000);
    flagged.setSchedulerTimeout(30_000);
    expect(flagged.timeoutMs()).toBe(30_000);
    flagged.setSchedulerTimeout(120_000);
    expect(flagged.timeoutMs()).toBe(60_000);
    const plain = new FencingClock(state, undefined);
    plain.setSchedulerTimeout(90_000);
    expect(plain.timeoutMs()).toBe(90_000);
    plain.setSchedulerTimeout(0);
    expect(plain.timeoutMs()).toBe(defaultFencingTimeoutMs);
  });

  it("is due once the timeout has passed since the last contact, and remembers that contact across restarts", () => {
    const dir = stateDir();
    let now = 10_000;
    const clock = new FencingClock(new AgentState(dir), 1000, () => now);
    expect(clock.due()).toBe(false);
    clock.contact(true);
    now += 999;
    expect(clock.due()).toBe(false);
    now += 1;
    expect(clock.due()).toBe(true);
    // A restarted agent does not restart the clock.
    const restarted = new FencingClock(new AgentState(dir), 1000, () => now);
    expect(restarted.due()).toBe(true);
  });

  it("writes a contact to disk once the saved one is a tenth of the timeout old, and at once when flushed", () => {
    const dir = stateDir();
    let now = 10_000;
    const clock = new FencingClock(new AgentState(dir), 100_000, () => now);
    clock.contact(true);
    const onDisk = () => new AgentState(dir).lastContactMs;
    now += 9_999;
    clock.contact();
    expect(onDisk()).toBe(10_000);
    now += 1;
    clock.contact();
    expect(onDisk()).toBe(20_000);
    now += 1;
    clock.contact(true);
    expect(onDisk()).toBe(20_001);
  });
});
