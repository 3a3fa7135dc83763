import { describe, expect, it } from "vitest";
import { defaultDevicePluginConfig } from "./DevicePluginConfig.ts";
import { PluginMpsDaemons, sharedGpuLimits } from "./PluginMpsDaemons.ts";
import type { InventoryGpu } from "./SliceInventory.ts";

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string) => lines.push(m),
    },
  };
}

const gpu = (uuid: string, use: InventoryGpu["use"]): InventoryGpu => ({
  uuid,
  index: 0,
  model: "L4-24GB",
  memoryMiB: 23034,
  pciBusId: "0000:01:00.0",
  numaNode: null,
  nvlinkPeers: {},
  health: "Healthy",
  use,
});

describe("PluginMpsDaemons", () => {
  it("refuses a --mps-control that cannot run, naming it", () => {
    const config = { ...defaultDevicePluginConfig };
    expect(() =>
      PluginMpsDaemons.create({ config, binary: "/nonexistent/mps-control", log: recordingLog().log }),
    ).toThrow("--mps-control /nonexistent/mps-control: not an executable file (or not on PATH)");
  });

  it("without a control daemon on PATH starts none, and marks the replicas time-sliced", () => {
    const config = { ...defaultDevicePluginConfig };
    const { lines, log } = recordingLog();
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(PluginMpsDaemons.create({ config, log })).toBeUndefined();
    } finally {
      process.env.PATH = path;
    }
    expect(config.shareIsolation).toBe("time-sliced");
    expect(lines).toEqual([
      "no nvidia-cuda-mps-control (--mps-control): shared replicas are time-sliced; GPU memory is not isolated between them",
    ]);
  });

  it("wants a daemon for each shared GPU, with one replica's limits", () => {
    const shared = {
      mode: "shared" as const,
      replicas: 4,
      memoryMiBPerReplica: 5758,
      computePercentPerReplica: 25,
      maxReplicasPerContainer: 1,
    };
    expect(sharedGpuLimits({ gpus: [gpu("GPU-a", shared), gpu("GPU-b", { mode: "whole" })] })).toEqual(
      new Map([["GPU-a", { activeThreadPercentage: 25, pinnedMemoryMiB: 5758 }]]),
    );
  });
});
