import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandinFleet } from "../standin/StandinFleet.ts";
import { Nvml } from "./Nvml.ts";
import { NvmlError, NvmlReturn } from "./NvmlError.ts";
import { nvmlReturnName } from "./nvmlReturnCodes.ts";
import { ComputeMode, type DeviceHandle, EventType, P2PCaps, P2PStatus, TopologyLevel } from "./nvmlTypes.ts";

function nvmlCode(run: () => unknown): number | string {
  try {
    run();
  } catch (error) {
    if (error instanceof NvmlError) return error.code;
    return String(error);
  }
  return "no error";
}

const H100 = "H100-SXM5-80GB";
const fleetFile = {
  driverVersion: "570.1.2",
  cudaDriverVersion: 12080,
  gpus: [
    { model: H100, mig: true, nvlinkPeers: [1], pciBusId: "00000000:07:00.0", numaNode: 0, pciSwitch: 1 },
    {
      model: H100,
      nvlinkPeers: [0],
      numaNode: 0,
      pciSwitch: 1,
      utilization: { gpu: 70, memory: 30 },
      temperatureC: 61,
      powerW: 312.5,
      memoryReservedMiB: 512,
      processes: [
        { pid: 4242, usedMemoryMiB: 2048 },
        { pid: 4243, usedMemoryMiB: 1024 },
      ],
    },
    { model: "L4-24GB", numaNode: 1, uuid: "GPU-00000000-1111-2222-3333-444444444444", serial: "1324" },
  ],
};

describe("Nvml binding against the stand-in", () => {
  let fleet: StandinFleet;
  let nvml: Nvml;
  let h100: DeviceHandle;
  let busy: DeviceHandle;
  let l4: DeviceHandle;

  beforeAll(() => {
    fleet = StandinFleet.create(fleetFile);
    nvml = fleet.open();
    h100 = nvml.deviceByIndex(0);
    busy = nvml.deviceByIndex(1);
    l4 = nvml.deviceByIndex(2);
  });
  afterAll(() => {
    nvml.close();
    fleet.remove();
  });

  it("reports system versions and error strings", () => {
    expect(nvml.driverVersion()).toBe("570.1.2");
    expect(nvml.nvmlVersion()).toMatch(/^\d+\./);
    expect(nvml.cudaDriverVersion()).toBe(12080);
    expect(nvml.errorString(NvmlReturn.ERROR_IN_USE)).toBe("In use by another client");
    expect(nvmlReturnName(23)).toBe("NVML_ERROR_INSUFFICIENT_RESOURCES");
    expect(nvmlReturnName(1234)).toBe("NVML_RETURN_1234");
  });

  it("finds devices by index, UUID and PCI bus id, and rejects bad ones", () => {
    expect(nvml.deviceCount()).toBe(3);
    expect(nvml.deviceIndex(l4)).toBe(2);
    expect(nvml.deviceByUuid("GPU-00000000-1111-2222-3333-444444444444")).toBe(l4);
    expect(nvml.deviceByPciBusId("0000:07:00.0")).toBe(h100);
    expect(nvml.deviceByPciBusId("00000000:07:00.0")).toBe(h100);
    expect(nvmlCode(() => nvml.deviceByIndex(3))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvmlCode(() => nvml.deviceByUuid("GPU-nope"))).toBe(NvmlReturn.ERROR_NOT_FOUND);
    expect(nvmlCode(() => nvml.deviceByPciBusId("00000000:99:00.0"))).toBe(NvmlReturn.ERROR_NOT_FOUND);
    expect(nvmlCode(() => nvml.name(12345n as DeviceHandle))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
  });

  it("carries code, name and function in NvmlError", () => {
    try {
      nvml.deviceByIndex(99);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NvmlError);
      const e = error as NvmlError;
      expect([e.code, e.codeName, e.functionName]).toEqual([
        2,
        "NVML_ERROR_INVALID_ARGUMENT",
        "nvmlDeviceGetHandleByIndex_v2",
      ]);
      expect(e.message).toContain("nvmlDeviceGetHandleByIndex_v2 failed: NVML_ERROR_INVALID_ARGUMENT (2)");
    }
  });

  it("reads identity: UUID, name, serial, minor, PCI, compute capability, architecture", () => {
    expect(nvml.uuid(h100)).toMatch(/^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(nvml.uuid(h100)).not.toBe(nvml.uuid(busy));
    expect(nvml.name(h100)).toBe("NVIDIA H100 80GB HBM3");
    expect(nvml.serial(l4)).toBe("1324");
    expect(nvml.minorNumber(busy)).toBe(1);
    expect(nvml.pciInfo(h100)).toMatchObject({
      busId: "00000000:07:00.0",
      busIdLegacy: "0000:07:00.0",
      domain: 0,
      bus: 7,
      device: 0,
      pciDeviceId: 0x233010de,
    });
    expect(nvml.computeCapability(l4)).toEqual({ major: 8, minor: 9 });
    expect(nvml.architecture(h100)).toBe(9);
  });

  it("reads memory v1 and v2 consistently", () => {
    const v1 = nvml.memoryInfo(busy);
    const v2 = nvml.memoryInfoV2(busy);
    const MiB = 2 ** 20;
    expect(v1.totalBytes).toBe(81559 * MiB);
    expect(v2.reservedBytes).toBe(512 * MiB);
    expect(v2.usedBytes).toBe(3072 * MiB);
    expect(v1.usedBytes).toBe(v2.reservedBytes + v2.usedBytes);
    expect(v2.totalBytes).toBe(v2.reservedBytes + v2.usedBytes + v2.freeBytes);
    expect(v1.totalBytes).toBe(v1.usedBytes + v1.freeBytes);
  });

  it("reads telemetry and processes (24-byte v3 entries), NOT_SUPPORTED where NVML has none", () => {
    expect(nvml.utilization(busy)).toEqual({ gpuPercent: 70, memoryPercent: 30 });
    expect(nvmlCode(() => nvml.utilization(h100))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvml.temperature(busy)).toBe(61);
    expect(nvml.temperatureV(busy)).toBe(61);
    expect(nvml.powerUsageMilliwatts(busy)).toBe(312_500);
    expect(nvml.computeProcesses(busy)).toEqual([
      { pid: 4242, usedGpuMemoryBytes: 2048 * 2 ** 20, gpuInstanceId: null, computeInstanceId: null },
      { pid: 4243, usedGpuMemoryBytes: 1024 * 2 ** 20, gpuInstanceId: null, computeInstanceId: null },
    ]);
    expect(nvml.computeProcesses(l4)).toEqual([]);
  });

  it("gets and sets compute mode, per MIG device when MIG is on", () => {
    expect(nvml.computeMode(l4)).toBe(ComputeMode.DEFAULT);
    nvml.setComputeMode(l4, ComputeMode.EXCLUSIVE_PROCESS);
    expect(nvml.computeMode(l4)).toBe(ComputeMode.EXCLUSIVE_PROCESS);
    nvml.setComputeMode(l4, ComputeMode.DEFAULT);
    expect(nvmlCode(() => nvml.setComputeMode(l4, 9))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvmlCode(() => nvml.computeMode(h100))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
  });

  it("gets and sets MIG mode, refusing while processes run and on GPUs without MIG", () => {
    expect(nvml.migMode(h100)).toEqual({ current: true, pending: true });
    expect(nvml.migMode(busy)).toEqual({ current: false, pending: false });
    expect(nvmlCode(() => nvml.migMode(l4))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvmlCode(() => nvml.setMigMode(l4, true))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvmlCode(() => nvml.setMigMode(busy, true))).toBe(NvmlReturn.ERROR_IN_USE);
    expect(nvml.migMode(busy).current).toBe(false);
    expect(nvml.setMigMode(h100, false)).toBe(NvmlReturn.SUCCESS);
    expect(nvml.maxMigDeviceCount(h100)).toBe(0);
    // With MIG off the driver still describes its profiles (seen on a real H200); instances need MIG on.
    expect(nvml.gpuInstanceProfileInfo(h100, 0)).toMatchObject({ id: 19, sliceCount: 1 });
    expect(nvmlCode(() => nvml.gpuInstanceRemainingCapacity(h100, 19))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvml.setMigMode(h100, true)).toBe(NvmlReturn.SUCCESS);
    expect(nvml.maxMigDeviceCount(h100)).toBe(7);
  });

  it("looks GPU-instance profiles up by index (not ID) through v1, v2 and v3 structs, and by ID", () => {
    const v1 = nvml.gpuInstanceProfileInfo(h100, 2);
    expect(v1).toMatchObject({
      id: 9,
      sliceCount: 3,
      instanceCount: 2,
      memorySizeMiB: 40448,
      multiprocessorCount: 60,
    });
    expect(nvml.gpuInstanceProfileInfoV(h100, 2, 2)).toMatchObject({
      id: 9,
      memorySizeMiB: 40448,
      name: "MIG 3g.40gb",
    });
    expect(nvml.gpuInstanceProfileInfoV(h100, 9, 3)).toMatchObject({
      id: 15,
      sliceCount: 1,
      memorySizeMiB: 20096,
    });
    expect(nvml.gpuInstanceProfileInfoById(h100, 0)).toMatchObject({ sliceCount: 7, memorySizeMiB: 81152 });
    expect(nvmlCode(() => nvml.gpuInstanceProfileInfo(h100, 5))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvmlCode(() => nvml.gpuInstanceProfileInfo(h100, 0x12))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvmlCode(() => nvml.gpuInstanceProfileInfoById(h100, 99))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
  });

  it("creates, lists, inspects and destroys GPU and compute instances with the driver's error codes", () => {
    expect(nvml.gpuInstancePossiblePlacements(h100, 9)).toEqual([
      { start: 0, size: 4 },
      { start: 4, size: 4 },
    ]);
    expect(nvml.gpuInstanceRemainingCapacity(h100, 19)).toBe(7);
    const gi3 = nvml.createGpuInstanceWithPlacement(h100, 9, { start: 4, size: 4 });
    expect(nvml.gpuInstanceRemainingCapacity(h100, 19)).toBe(4);
    expect(nvml.gpuInstanceRemainingCapacity(h100, 9)).toBe(1);
    expect(nvmlCode(() => nvml.createGpuInstanceWithPlacement(h100, 9, { start: 4, size: 4 }))).toBe(
      NvmlReturn.ERROR_INSUFFICIENT_RESOURCES,
    );
    expect(nvmlCode(() => nvml.createGpuInstanceWithPlacement(h100, 14, { start: 4, size: 2 }))).toBe(
      NvmlReturn.ERROR_INSUFFICIENT_RESOURCES,
    );
    expect(nvmlCode(() => nvml.createGpuInstanceWithPlacement(h100, 9, { start: 2, size: 4 }))).toBe(
      NvmlReturn.ERROR_INVALID_ARGUMENT,
    );
    expect(nvmlCode(() => nvml.createGpuInstance(h100, 0))).toBe(NvmlReturn.ERROR_INSUFFICIENT_RESOURCES);
    // Without a placement the stand-in takes the highest free start, like the driver's observed first choices.
    const gi1 = nvml.createGpuInstance(h100, 19);
    expect(nvml.gpuInstanceInfo(gi1).placement).toEqual({ start: 3, size: 1 });

    const info = nvml.gpuInstanceInfo(gi3);
    expect(info).toMatchObject({ device: h100, profileId: 9, placement: { start: 4, size: 4 } });
    expect(nvml.gpuInstanceById(h100, info.id)).toBe(gi3);
    expect(nvml.gpuInstances(h100, 9, 2)).toEqual([gi3]);
    expect(nvmlCode(() => nvml.gpuInstanceById(h100, 14))).toBe(NvmlReturn.ERROR_NOT_FOUND);

    expect(nvml.computeInstanceProfileInfo(gi3, 0)).toMatchObject({ id: 0, sliceCount: 1, instanceCount: 3 });
    expect(nvml.computeInstanceProfileInfoV(gi3, 2, 2)).toMatchObject({
      id: 2,
      sliceCount: 3,
      name: "MIG 3g.40gb",
    });
    expect(nvml.computeInstanceProfileInfoV(gi3, 1, 3)).toMatchObject({ id: 1, name: "MIG 2c.3g.40gb" });
    expect(nvmlCode(() => nvml.computeInstanceProfileInfo(gi3, 3))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvmlCode(() => nvml.computeInstanceProfileInfo(gi3, 9))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvml.computeInstancePossiblePlacements(gi3, 0)).toEqual([
      { start: 0, size: 1 },
      { start: 1, size: 1 },
      { start: 2, size: 1 },
    ]);
    expect(nvml.computeInstanceRemainingCapacity(gi3, 0)).toBe(3);
    const ciA = nvml.createComputeInstanceWithPlacement(gi3, 0, { start: 2, size: 1 });
    const ciB = nvml.createComputeInstance(gi3, 1);
    expect(nvml.computeInstanceRemainingCapacity(gi3, 0)).toBe(0);
    expect(nvmlCode(() => nvml.createComputeInstance(gi3, 2))).toBe(NvmlReturn.ERROR_INSUFFICIENT_RESOURCES);
    expect(nvml.computeInstanceInfo(ciB)).toMatchObject({
      gpuInstance: gi3,
      profileId: 1,
      placement: { start: 0, size: 2 },
    });
    const ciAInfo = nvml.computeInstanceInfo(ciA);
    expect(nvml.computeInstanceById(gi3, ciAInfo.id)).toBe(ciA);
    expect(nvml.computeInstances(gi3, 0, 3)).toEqual([ciA]);
    expect(nvmlCode(() => nvml.computeInstanceById(gi3, 7))).toBe(NvmlReturn.ERROR_NOT_FOUND);

    // MIG devices: numbered by GI id then CI id; a MIG handle answers the device getters for its instance.
    const mig = nvml.migDeviceByIndex(h100, 0);
    expect(nvml.isMigDevice(mig)).toBe(true);
    expect(nvml.isMigDevice(h100)).toBe(false);
    expect(nvml.parentOfMigDevice(mig)).toBe(h100);
    expect(nvml.gpuInstanceIdOf(mig)).toBe(info.id);
    expect(
      [nvml.computeInstanceIdOf(mig), nvml.computeInstanceIdOf(nvml.migDeviceByIndex(h100, 1))].sort(),
    ).toEqual([0, 1]);
    const migUuid = nvml.uuid(mig);
    expect(migUuid).toMatch(/^MIG-[0-9a-f]{8}-/);
    expect(nvml.deviceByUuid(migUuid)).toBe(mig);
    expect(nvml.name(mig)).toMatch(/^NVIDIA H100 80GB HBM3 MIG (1c|2c)\.3g\.40gb$/);
    expect(nvml.memoryInfo(mig).totalBytes).toBe(40448 * 2 ** 20);
    expect(nvmlCode(() => nvml.migDeviceByIndex(h100, 2))).toBe(NvmlReturn.ERROR_NOT_FOUND);
    expect(nvmlCode(() => nvml.migDeviceByIndex(h100, 7))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvmlCode(() => nvml.gpuInstanceIdOf(h100))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    nvml.setComputeMode(mig, ComputeMode.PROHIBITED);
    expect(nvml.computeMode(mig)).toBe(ComputeMode.PROHIBITED);

    expect(nvmlCode(() => nvml.destroyGpuInstance(gi3))).toBe(NvmlReturn.ERROR_IN_USE);
    expect(nvmlCode(() => nvml.setMigMode(h100, false))).toBe(NvmlReturn.ERROR_IN_USE);
    nvml.destroyComputeInstance(ciA);
    nvml.destroyComputeInstance(ciB);
    expect(nvmlCode(() => nvml.destroyComputeInstance(ciA))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    nvml.destroyGpuInstance(gi3);
    nvml.destroyGpuInstance(gi1);
    expect(nvmlCode(() => nvml.gpuInstanceInfo(gi3))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvml.gpuInstanceRemainingCapacity(h100, 0)).toBe(1);
    expect(nvmlCode(() => nvml.createGpuInstance(busy, 0))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvmlCode(() => nvml.createGpuInstance(l4, 0))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
  });

  it("reports NVLink state, remote PCI, topology and P2P", () => {
    expect(nvml.nvLinkActive(h100, 0)).toBe(true);
    expect(nvml.nvLinkActive(h100, 1)).toBe(false);
    expect(nvml.nvLinkRemotePciInfo(h100, 0).busId).toBe(nvml.pciInfo(busy).busId);
    expect(nvmlCode(() => nvml.nvLinkActive(h100, 36))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    expect(nvmlCode(() => nvml.nvLinkActive(l4, 0))).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvml.topologyCommonAncestor(h100, h100)).toBe(TopologyLevel.INTERNAL);
    expect(nvml.topologyCommonAncestor(h100, busy)).toBe(TopologyLevel.SINGLE);
    expect(nvml.topologyCommonAncestor(h100, l4)).toBe(TopologyLevel.SYSTEM);
    expect(nvml.p2pStatus(h100, busy, P2PCaps.NVLINK)).toBe(P2PStatus.OK);
    expect(nvml.p2pStatus(h100, l4, P2PCaps.NVLINK)).toBe(P2PStatus.NOT_SUPPORTED);
    expect(nvml.p2pStatus(h100, l4, P2PCaps.READ)).toBe(P2PStatus.CHIPSET_NOT_SUPPORTED);
  });

  it("delivers Xid events from the fleet file, including ones added while it runs", async () => {
    const set = nvml.createEventSet();
    expect(nvml.supportedEventTypes(busy)).toBe(EventType.XID_CRITICAL_ERROR);
    expect(
      nvmlCode(() =>
        nvml.registerEvents(busy, EventType.XID_CRITICAL_ERROR | EventType.MIG_CONFIG_CHANGE, set),
      ),
    ).toBe(NvmlReturn.ERROR_NOT_SUPPORTED);
    expect(nvml.waitForEvent(set, 20)).toBeNull();
    const gpus = structuredClone(fleetFile.gpus);
    (gpus[1] as { xids?: unknown }).xids = [79, { xid: 48 }];
    fleet.write({ ...fleetFile, gpus });
    const first = nvml.waitForEvent(set, 1000);
    expect(first).toMatchObject({ device: busy, eventType: 8n, eventData: 79n, gpuInstanceId: null });
    const second = await nvml.waitForEventAsync(set, 1000);
    expect(second?.eventData).toBe(48n);
    expect(nvml.waitForEvent(set, 10)).toBeNull();
    nvml.freeEventSet(set);
    expect(nvmlCode(() => nvml.waitForEvent(set, 10))).toBe(NvmlReturn.ERROR_INVALID_ARGUMENT);
    fleet.write(fleetFile);
  });

  it("wakes a long event wait when an Xid arrives, whether the fleet file is replaced or rewritten in place", async () => {
    // The stand-in blocks like the driver rather than returning at the timeout: a missed change would hang here.
    const set = nvml.createEventSet();
    nvml.registerEvents(busy, EventType.XID_CRITICAL_ERROR, set);
    const gpus = structuredClone(fleetFile.gpus);
    const replaced = nvml.waitForEventAsync(set, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    (gpus[1] as { xids?: unknown }).xids = [79];
    fleet.write({ ...fleetFile, gpus });
    expect((await replaced)?.eventData).toBe(79n);
    const rewritten = nvml.waitForEventAsync(set, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    (gpus[1] as { xids?: unknown }).xids = [79, 48];
    writeFileSync(fleet.fleetPath, JSON.stringify({ ...fleetFile, gpus }));
    expect((await rewritten)?.eventData).toBe(48n);
    nvml.freeEventSet(set);
    fleet.write(fleetFile);
  });

  it("initialises with flags too, reference-counted like NVML", () => {
    const second = Nvml.open(fleet.libraryPath, 0);
    second.close();
    second.close();
    expect(nvml.deviceCount()).toBe(3);
  });

  it("binds symbols lazily", () => {
    expect(nvml.has("nvmlDeviceGetTemperatureV")).toBe(true);
    expect(nvml.has("tesseraStandinLastError")).toBe(true);
  });
});

describe("Nvml before init and with a bad fleet", () => {
  it("turns a symbol the library lacks into NOT_SUPPORTED naming the function", () => {
    // libc loads fine but exports no NVML symbol: the first call, nvmlInit_v2, is the missing one.
    try {
      Nvml.open("libc.so.6");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(NvmlError);
      expect(error).toMatchObject({ code: NvmlReturn.ERROR_NOT_SUPPORTED, functionName: "nvmlInit_v2" });
    }
  });

  it("refuses to load a library that is not there", () => {
    expect(() => Nvml.open("/nonexistent/libnvidia-ml.so.1")).toThrow(
      /cannot load NVML.*TESSERA_NVML_LIBRARY/,
    );
  });

  it("fails init with the stand-in's reason for a broken fleet file", () => {
    const fleet = StandinFleet.create({ gpus: [{ model: "H100-SXM5-80GB" }] });
    try {
      fleet.write('{"gpus": [{"model": "H999"}]}');
      expect(() => fleet.open()).toThrow(
        /nvmlInit_v2 failed: NVML_ERROR_UNKNOWN \(999\).*"H999" is not a catalog model/,
      );
      fleet.write('{"gpus": [{"model": "L4-24GB", "mig": true}]}');
      expect(() => fleet.open()).toThrow(/L4-24GB has no MIG support/);
      fleet.write('{"gpus": [{"model": "A30-24GB", "utilisation": {}}]}');
      expect(() => fleet.open()).toThrow(/unknown field "utilisation"/);
      fleet.write('{"gpus": [');
      expect(() => fleet.open()).toThrow(/not valid JSON/);
      fleet.write('{"gpus": [{"model": "A30-24GB", "nvlinkPeers": [3]}]}');
      expect(() => fleet.open()).toThrow(/nvlinkPeers\[0\] = 3 but the fleet has 1 GPUs/);
    } finally {
      fleet.remove();
    }
  });

  it("keeps the previous fleet when the file is rewritten badly while running", () => {
    const fleet = StandinFleet.create({ gpus: [{ model: "L4-24GB", temperatureC: 40 }] });
    const nvml = fleet.open();
    try {
      const gpu = nvml.deviceByIndex(0);
      fleet.write({ gpus: [{ model: "L4-24GB", temperatureC: 77 }] });
      expect(nvml.temperature(gpu)).toBe(77);
      fleet.write("{ half a file");
      expect(nvml.temperature(gpu)).toBe(77);
    } finally {
      nvml.close();
      fleet.remove();
    }
  });
});
