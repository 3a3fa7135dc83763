import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  defaultDevicePluginConfig,
  loadDevicePluginConfig,
  parseDevicePluginConfig,
} from "./DevicePluginConfig.ts";

describe("device-plugin config", () => {
  it("fills defaults and reads every key", async () => {
    expect(parseDevicePluginConfig(undefined, "x")).toEqual(defaultDevicePluginConfig);
    const dir = mkdtempSync(join(tmpdir(), "tessera-dpc-"));
    const file = join(dir, "deviceplugin.yaml");
    writeFileSync(
      file,
      [
        "kubeletDir: /var/lib/kubelet/device-plugins/",
        "naming: tessera",
        "deviceListStrategy: cdi-cri",
        "cdiKind: nvidia.com/gpu",
        "mpsRoot: /run/mps",
        "shareIsolation: time-sliced",
        "ignoredXids: [13, 43]",
        "xidRecoverySeconds: 60",
        "sharing:",
        "  - gpus: [L4-24GB, 3]",
        "    replicas: 4",
        "    memoryMiBPerReplica: 5000",
      ].join("\n"),
    );
    await expect(loadDevicePluginConfig(file)).resolves.toEqual({
      kubeletDir: "/var/lib/kubelet/device-plugins",
      naming: "tessera",
      deviceListStrategy: "cdi-cri",
      cdiKind: "nvidia.com/gpu",
      mpsRoot: "/run/mps",
      shareIsolation: "time-sliced",
      ignoredXids: [13, 43],
      xidRecoverySeconds: 60,
      sharing: [{ gpus: ["L4-24GB", "3"], replicas: 4, memoryMiBPerReplica: 5000 }],
      vmGpus: [],
    });
  });

  it("says which key is wrong and what to use", async () => {
    expect(() => parseDevicePluginConfig({ naming: "amd" }, "f.yaml")).toThrow(
      'f.yaml: naming is "amd"; use one of nvidia, tessera',
    );
    expect(() => parseDevicePluginConfig({ kubeletDir: "relative" }, "f.yaml")).toThrow(
      "give an absolute path",
    );
    expect(() => parseDevicePluginConfig({ migStrategy: "mixed" }, "f.yaml")).toThrow(
      'unknown key "migStrategy"',
    );
    expect(() => parseDevicePluginConfig({ cdiKind: "gpu" }, "f.yaml")).toThrow("use vendor.com/class");
    expect(() => parseDevicePluginConfig({ ignoredXids: [-1] }, "f.yaml")).toThrow("positive Xid numbers");
    expect(() => parseDevicePluginConfig({ xidRecoverySeconds: 0 }, "f.yaml")).toThrow("positive number");
    expect(() => parseDevicePluginConfig([1], "f.yaml")).toThrow("expected a mapping");
    expect(() => parseDevicePluginConfig({ sharing: [{ gpus: [], replicas: 2 }] }, "f.yaml")).toThrow(
      "f.yaml: sharing[0]: gpus must list GPU UUIDs",
    );
    expect(() => parseDevicePluginConfig({ sharing: [{ gpus: ["all"], replicas: 0 }] }, "f.yaml")).toThrow(
      "replicas must be a positive integer",
    );
    expect(() =>
      parseDevicePluginConfig(
        { sharing: [{ gpus: ["all"], replicas: 2, computePercentPerReplica: 150 }] },
        "f.yaml",
      ),
    ).toThrow("at most 100");
    expect(() => parseDevicePluginConfig({ vmGpus: ["65:00"] }, "f.yaml")).toThrow(
      'f.yaml: vmGpus: "65:00" is not a PCI address',
    );
    expect(parseDevicePluginConfig({ vmGpus: ["all", "0000:65:00.0"] }, "f.yaml").vmGpus).toEqual([
      "all",
      "0000:65:00.0",
    ]);
    expect(() => parseDevicePluginConfig({ sharing: [{ gpus: ["all"], replica: 2 }] }, "f.yaml")).toThrow(
      'unknown key "replica"',
    );
    await expect(loadDevicePluginConfig("/nonexistent/tessera.yaml")).rejects.toThrow(
      "cannot read device-plugin config",
    );
  });
});
