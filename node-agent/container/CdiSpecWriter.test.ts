import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CdiGpu } from "./CdiSpec.ts";
import { CdiSpecWriter } from "./CdiSpecWriter.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-cdi-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(name: string, toolkitDirs: string[], gpus: () => CdiGpu[]) {
  return new CdiSpecWriter({
    path: join(dir, name, "tessera-nvidia.json"),
    toolkitDirs,
    gpus,
    standin: true,
  });
}

describe("CdiSpecWriter", () => {
  it("writes the spec, rewrites it when a MIG device comes or goes, and names devices by UUID", () => {
    let migs: CdiGpu["migs"] = [];
    const specs = writer("own", [join(dir, "no-toolkit")], () => [
      { index: 0, uuid: "GPU-a", minor: 0, migs },
    ]);
    specs.refresh([]);
    const path = specs.specPath;
    const names = () => JSON.parse(readFileSync(path, "utf8")).devices.map((d: { name: string }) => d.name);
    expect(names()).toEqual(["0", "GPU-a"]);
    const written = statSync(path).mtimeMs;
    specs.refresh([]);
    expect(statSync(path).mtimeMs).toBe(written);
    migs = [{ index: 0, uuid: "MIG-x", capMinors: [] }];
    specs.refresh([]);
    expect(names()).toEqual(["0", "GPU-a", "0:0", "MIG-x"]);
    expect(specs.deviceName("MIG-x")).toBe("nvidia.com/gpu=MIG-x");
    expect(specs.deviceName("MIG-gone")).toBeUndefined();
  });

  it("uses the toolkit's spec where there is one, naming devices as it does (by index by default)", () => {
    const toolkit = join(dir, "etc-cdi");
    mkdirSync(toolkit, { recursive: true });
    writeFileSync(
      join(toolkit, "nvidia.yaml"),
      'cdiVersion: 0.5.0\nkind: nvidia.com/gpu\ndevices:\n  - name: "0"\n  - name: "0:1"\n  - name: all\n',
    );
    writeFileSync(join(toolkit, "nvidia-other.json"), '{"kind": "example.com/other"}');
    const specs = writer("toolkit", [toolkit], () => [
      {
        index: 0,
        uuid: "GPU-a",
        minor: 0,
        migs: [
          // MIG device slot 0 is empty: the toolkit named MIG-x by its slot, 1.
          { index: 1, uuid: "MIG-x", capMinors: [] },
          { index: 2, uuid: "MIG-y", capMinors: [] },
        ],
      },
    ]);
    specs.refresh([]);
    expect(specs.specPath).toBe(join(toolkit, "nvidia.yaml"));
    expect(() => statSync(join(dir, "toolkit", "tessera-nvidia.json"))).toThrow();
    expect(specs.deviceName("GPU-a")).toBe("nvidia.com/gpu=0");
    expect(specs.deviceName("MIG-x")).toBe("nvidia.com/gpu=0:1");
    // Not in the toolkit's spec (generated before the device existed): no name, the job is not started.
    expect(specs.deviceName("MIG-y")).toBeUndefined();
  });
});
