import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventually } from "../../test/deviceplugin-fixtures.ts";
import { ensureStandinLibrary } from "../standin/StandinBuild.ts";
import { NodeNvml } from "./NodeNvml.ts";
import type { XidEvent } from "./NvmlXidWatcher.ts";

let dir: string;
let session: NodeNvml;
const fleet = (xids: number[]) => JSON.stringify({ gpus: [{ model: "L4-24GB", xids }] });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tessera-node-nvml-"));
  writeFileSync(join(dir, "fleet.json"), fleet([]));
  process.env.TESSERA_NVML_STANDIN_FLEET = join(dir, "fleet.json");
  process.env.TESSERA_NVML_STANDIN_STATE = join(dir, "state.json");
  session = new NodeNvml({
    libraryPath: ensureStandinLibrary(),
    health: { recoveryMs: 60_000 },
    log: { warn: () => {}, error: () => {} },
    discoveryMaxAgeMs: 60_000,
  });
});

afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

it("serves one discovery to every user until it is too old or invalidated", () => {
  const first = session.discover();
  expect(session.discover()).toBe(first);
  session.invalidate();
  const second = session.discover();
  expect(second).not.toBe(first);
  expect(second.map((g) => g.uuid)).toEqual(first.map((g) => g.uuid));
});

it("watches Xids once for all: the GPU's health and every subscriber see each event", async () => {
  const seen: XidEvent[] = [];
  let changes = 0;
  session.subscribeXids({ recordXid: (e) => seen.push(e) > 0, setAgentHealth: () => {} });
  session.onHealthChange(() => changes++);
  session.watchXids();
  session.watchXids();
  const gpu = session.discover()[0]!.uuid;
  writeFileSync(join(dir, "fleet.json"), fleet([31, 79]));
  await eventually(() => expect(seen.map((e) => e.xid)).toEqual([31, 79]));
  // 31 is an application's fault: only 79 counts against the GPU.
  expect(changes).toBe(1);
  expect(session.health.healthOf(gpu)).toBe("xid 79: fallen off the bus");
});
