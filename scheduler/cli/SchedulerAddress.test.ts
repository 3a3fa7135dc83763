import { afterEach, describe, expect, it, vi } from "vitest";
import { schedulerAddress } from "./SchedulerAddress.ts";

describe("schedulerAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("adds the default gRPC port 7070 to a bare host", () => {
    expect(schedulerAddress("localhost")).toBe("localhost:7070");
    expect(schedulerAddress("[::1]")).toBe("[::1]:7070");
    expect(schedulerAddress("::1")).toBe("[::1]:7070");
    expect(schedulerAddress("10.0.0.5:9000")).toBe("10.0.0.5:9000");
  });

  it("takes --scheduler, else $TESSERA_SCHEDULER, else 127.0.0.1:7070", () => {
    vi.stubEnv("TESSERA_SCHEDULER", "");
    delete process.env.TESSERA_SCHEDULER;
    expect(schedulerAddress(undefined)).toBe("127.0.0.1:7070");
    vi.stubEnv("TESSERA_SCHEDULER", "sched.example");
    expect(schedulerAddress(undefined)).toBe("sched.example:7070");
    expect(schedulerAddress("other:1")).toBe("other:1");
  });
});
