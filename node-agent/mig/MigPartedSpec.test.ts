import { describe, expect, it } from "vitest";
import { MigSpecError, migConfigRequests, parseMigPartedSpec } from "./MigPartedSpec.ts";

const example = `
version: v1
mig-configs:
  all-disabled:
    - devices: all
      mig-enabled: false
  all-enabled:
    - devices: all
      mig-enabled: true
      mig-devices: {}
  all-balanced:
    - device-filter: ["0x233010DE", "0x20B210DE"]
      devices: all
      mig-enabled: true
      mig-devices:
        "1g.10gb": 2
        "2g.20gb": 1
        "3g.40gb": 1
    - device-filter: "0x20B010DE"
      devices: all
      mig-enabled: true
      mig-devices:
        "1g.5gb": 2
        "2g.10gb": 1
        "3g.20gb": 1
  custom-config:
    - devices: [0, 1]
      mig-enabled: true
      mig-devices:
        "1c.3g.40gb": 3
        "1g.10gb+me": 1
    - devices: [2]
      mig-enabled: false
`;

const gpus = [
  { index: 0, pciDeviceId: "0x233010DE" },
  { index: 1, pciDeviceId: "0x20B010DE" },
  { index: 2, pciDeviceId: "0x27B810DE" },
];

function specError(text: string): string {
  try {
    parseMigPartedSpec(text, "mig.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(MigSpecError);
    return (error as Error).message;
  }
  throw new Error("expected a MigSpecError");
}

describe("mig-parted v1 spec", () => {
  it("parses named configs with devices, filters and profile counts", () => {
    const spec = parseMigPartedSpec(example);
    expect([...spec.migConfigs.keys()]).toEqual([
      "all-disabled",
      "all-enabled",
      "all-balanced",
      "custom-config",
    ]);
    expect(spec.migConfigs.get("all-balanced")?.[1]).toEqual({
      devices: "all",
      migEnabled: true,
      migDevices: { "1g.5gb": 2, "2g.10gb": 1, "3g.20gb": 1 },
      deviceFilter: ["0x20B010DE"],
    });
    expect(spec.migConfigs.get("all-disabled")?.[0]?.migDevices).toEqual({});
  });

  it("selects entries per GPU by index and device filter, expanding counts", () => {
    const spec = parseMigPartedSpec(example);
    expect(migConfigRequests(spec, "all-balanced", gpus)).toEqual([
      { gpuIndex: 0, migEnabled: true, instances: ["1g.10gb", "1g.10gb", "2g.20gb", "3g.40gb"] },
      { gpuIndex: 1, migEnabled: true, instances: ["1g.5gb", "1g.5gb", "2g.10gb", "3g.20gb"] },
    ]);
    expect(migConfigRequests(spec, "custom-config", gpus)).toEqual([
      { gpuIndex: 0, migEnabled: true, instances: ["1c.3g.40gb", "1c.3g.40gb", "1c.3g.40gb", "1g.10gb+me"] },
      { gpuIndex: 1, migEnabled: true, instances: ["1c.3g.40gb", "1c.3g.40gb", "1c.3g.40gb", "1g.10gb+me"] },
      { gpuIndex: 2, migEnabled: false, instances: [] },
    ]);
    expect(() => migConfigRequests(spec, "nope", gpus)).toThrow(
      /no config "nope".*all-disabled, all-enabled/,
    );
  });

  it("refuses a GPU selected by two entries", () => {
    const spec = parseMigPartedSpec(`
version: v1
mig-configs:
  twice:
    - {devices: all, mig-enabled: true, mig-devices: {}}
    - {devices: [1], mig-enabled: false}
`);
    expect(() => migConfigRequests(spec, "twice", gpus)).toThrow(/GPU 1 is selected by entries 0 and 1/);
  });

  it("says what is wrong, where", () => {
    expect(specError("version: v2\nmig-configs: {a: [{devices: all, mig-enabled: false}]}")).toMatch(
      /must be v1/,
    );
    expect(specError("version: v1\nextra: 1\nmig-configs: {}")).toMatch(
      /mig.yaml:2: extra: unknown top-level key/,
    );
    expect(specError("version: v1\nmig-configs: {}")).toMatch(/non-empty map/);
    expect(specError("version: v1\nmig-configs:\n  a: []")).toMatch(
      /mig-configs.a: must be a non-empty list/,
    );
    expect(specError("version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: true")).toMatch(
      /mig-devices is required/,
    );
    expect(
      specError(
        "version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n      mig-devices: {1g.5gb: 1}",
      ),
    ).toMatch(/must be empty when mig-enabled is false/);
    expect(
      specError("version: v1\nmig-configs:\n  a:\n    - devices: [-1]\n      mig-enabled: false"),
    ).toMatch(/mig.yaml:4: mig-configs.a\[0\].devices: must be "all" or a list of GPU indices/);
    expect(
      specError("version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: yes-please"),
    ).toMatch(/mig-enabled: required: true or false/);
    expect(
      specError(
        "version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: true\n      mig-devices: {3g: 1}",
      ),
    ).toMatch(/"3g" is not a MIG profile/);
    expect(
      specError(
        "version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: true\n      mig-devices: {3g.40gb: -1}",
      ),
    ).toMatch(/count must be a whole number/);
    expect(
      specError(
        "version: v1\nmig-configs:\n  a:\n    - devices: all\n      device-filter: H100\n      mig-enabled: false",
      ),
    ).toMatch(/device-filter: must be a PCI id/);
    expect(
      specError(
        "version: v1\nmig-configs:\n  a:\n    - devices: all\n      mig-enabled: false\n      colour: red",
      ),
    ).toMatch(/unknown key; allowed: devices, mig-enabled, mig-devices, device-filter/);
    expect(specError("version: v1\nmig-configs: [")).toMatch(/not valid YAML/);
  });
});
