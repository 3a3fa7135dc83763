import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "../../test/deviceplugin-fixtures.ts";
import { ensureStandinLibrary } from "../standin/StandinBuild.ts";
import { Nvml } from "./Nvml.ts";
import { NvmlXidWatcher, type XidEvent, type XidEventSource } from "./NvmlXidWatcher.ts";

const silentLog = { warn: () => {}, error: () => {} };

let dir: string;
let nvml: Nvml;
const fleet = (xids: unknown[]) =>
  JSON.stringify({
    gpus: [
      { model: "A100-80GB", mig: true },
      { model: "L4-24GB", xids },
    ],
  });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tessera-xid-"));
  writeFileSync(join(dir, "fleet.json"), fleet([]));
  process.env.TESSERA_NVML_STANDIN_FLEET = join(dir, "fleet.json");
  process.env.TESSERA_NVML_STANDIN_STATE = join(dir, "state.json");
  nvml = Nvml.open(ensureStandinLibrary());
});

afterAll(() => {
  nvml.close();
  rmSync(dir, { recursive: true, force: true });
});

it("passes the stand-in NVML's Xid events to the health tracker as they appear", async () => {
  const seen: XidEvent[] = [];
  const watcher = new NvmlXidWatcher(
    nvml,
    { recordXid: (e) => seen.push(e) > 0 && e.xid !== 43, setAgentHealth: () => {} },
    silentLog,
    50,
  );
  watcher.start();
  // Appended while the watcher waits, like a GPU failing under load.
  writeFileSync(join(dir, "fleet.json"), fleet([79, { xid: 43, gpuInstanceId: 3 }]));
  const l4 = nvml.uuid(nvml.deviceByIndex(1));
  await eventually(() =>
    expect(seen).toEqual([
      { gpuUuid: l4, xid: 79, gpuInstanceId: null, computeInstanceId: null },
      {
        gpuUuid: l4,
        xid: 43,
        gpuInstanceId: 3,
        computeInstanceId: expect.toSatisfy((v) => v === null || v === 0),
      },
    ]),
  );
  await watcher.stop();
});

it("makes the agent unhealthy while NVML's event wait fails, and healthy once it answers", async () => {
  let failures = 3;
  const problems: (string | null)[] = [];
  const source: XidEventSource = {
    createEventSet: nvml.createEventSet.bind(nvml),
    deviceCount: () => 0,
    deviceByIndex: nvml.deviceByIndex.bind(nvml),
    registerEvents: nvml.registerEvents.bind(nvml),
    uuid: nvml.uuid.bind(nvml),
    freeEventSet: nvml.freeEventSet.bind(nvml),
    // Like NVML, a wait that finds nothing takes its timeout.
    waitForEventAsync: async (_set, timeoutMs) => {
      if (failures-- > 0) throw new Error("nvmlEventSetWait_v2: GPU_IS_LOST");
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      return null;
    },
  };
  const watcher = new NvmlXidWatcher(
    source,
    { recordXid: () => true, setAgentHealth: (p) => problems.push(p) },
    silentLog,
    10,
  );
  watcher.start();
  await eventually(() =>
    expect(problems).toEqual(["NVML event wait failed: nvmlEventSetWait_v2: GPU_IS_LOST", null]),
  );
  await watcher.stop();
});
