import { describe, expect, it } from "vitest";
import { GpuHealth } from "./GpuHealth.ts";

describe("GpuHealth", () => {
  it("names a critical Xid until its recovery time has passed, and ignores application Xids", () => {
    let now = 1000;
    const health = new GpuHealth({ recoveryMs: 500, now: () => now });
    expect(health.healthOf("GPU-a")).toBe("ok");
    expect(health.recordXid({ gpuUuid: "GPU-a", xid: 13 })).toBe(false);
    expect(health.healthOf("GPU-a")).toBe("ok");
    expect(health.recordXid({ gpuUuid: "GPU-a", xid: 79 })).toBe(true);
    expect(health.healthOf("GPU-a")).toBe("xid 79: fallen off the bus");
    expect(health.healthOf("GPU-b")).toBe("ok");
    now += 499;
    expect(health.healthOf("GPU-a")).toBe("xid 79: fallen off the bus");
    now += 1;
    expect(health.healthOf("GPU-a")).toBe("ok");
    health.recordXid({ gpuUuid: "GPU-a", xid: 4242 });
    expect(health.healthOf("GPU-a")).toMatch(/^xid 4242: critical error/);
  });

  it("reports a GPU lost to NVML and NVML's event wait failing, until they recover", () => {
    const health = new GpuHealth({ recoveryMs: 500, ignoredXids: [] });
    health.setLost("GPU-a", "fallen off the bus (NVML: GPU is lost)");
    expect(health.healthOf("GPU-a")).toBe("fallen off the bus (NVML: GPU is lost)");
    health.setLost("GPU-a", null);
    expect(health.healthOf("GPU-a")).toBe("ok");
    health.setNvmlProblem("NVML event wait failed: GPU is lost");
    expect(health.healthOf("GPU-b")).toBe("NVML event wait failed: GPU is lost");
    health.setNvmlProblem(null);
    expect(health.healthOf("GPU-b")).toBe("ok");
    expect(health.recordXid({ gpuUuid: "GPU-a", xid: 13 })).toBe(true);
  });
});
