import { afterAll, beforeAll, expect, it } from "vitest";
import { StandinFleet } from "../standin/StandinFleet.ts";
import { readMigInstances, readMigProfiles } from "./MigInventory.ts";
import type { Nvml } from "./Nvml.ts";

let fleet: StandinFleet;
let nvml: Nvml;

beforeAll(() => {
  fleet = StandinFleet.create({ gpus: [{ model: "H100-SXM5-80GB", mig: true }] });
  nvml = fleet.open();
});

afterAll(() => {
  nvml.close();
  fleet.remove();
});

it("answers an empty MIG GPU without asking each profile, and still finds every instance, a whole-GPU one too", () => {
  const device = nvml.deviceByIndex(0);
  const profiles = readMigProfiles(nvml, device);
  let profilesAsked = 0;
  const counting = new Proxy(nvml, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (key !== "gpuInstances") return value;
      return (...args: Parameters<Nvml["gpuInstances"]>) => {
        profilesAsked++;
        return target.gpuInstances(...args);
      };
    },
  });
  expect(readMigInstances(counting, device, profiles)).toEqual([]);
  expect(profilesAsked).toBe(0);

  const whole = profiles.find((p) => p.name === "7g.80gb");
  const small = profiles.find((p) => p.name === "1g.10gb");
  if (!whole || !small) throw new Error("the H100's profile table lacks 7g.80gb or 1g.10gb");
  const wholeInstance = nvml.createGpuInstanceWithPlacement(device, whole.id, { start: 0, size: 8 });
  expect(readMigInstances(counting, device, profiles).map((i) => [i.profile, i.start])).toEqual([
    ["7g.80gb", 0],
  ]);
  nvml.destroyGpuInstance(wholeInstance);
  nvml.createGpuInstanceWithPlacement(device, small.id, { start: 6, size: 1 });
  expect(readMigInstances(counting, device, profiles).map((i) => [i.profile, i.start])).toEqual([
    ["1g.10gb", 6],
  ]);
  expect(profilesAsked).toBe(2 * profiles.length);
});
