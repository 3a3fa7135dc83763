import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePciAddress, pciAddressParts } from "./PciAddress.ts";

describe("parsePciAddress", () => {
  it("normalises NVML's 8-digit domain, the short form and upper case to DDDD:BB:SS.F", () => {
    expect(parsePciAddress("00000000:65:00.0")).toBe("0000:65:00.0");
    expect(parsePciAddress("65:00.1")).toBe("0000:65:00.1");
    expect(parsePciAddress("0001:A3:1F.7")).toBe("0001:a3:1f.7");
  });

  it("round-trips any address through its numeric parts", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 0xff }),
        fc.integer({ min: 0, max: 0x1f }),
        fc.integer({ min: 0, max: 7 }),
        (domain, bus, slot, fn) => {
          const padded = `${domain.toString(16).padStart(4, "0")}:${bus.toString(16).padStart(2, "0")}:${slot.toString(16).padStart(2, "0")}.${fn}`;
          const address = parsePciAddress(padded);
          expect(pciAddressParts(address)).toEqual({ domain, bus, slot, fn });
        },
      ),
    );
  });

  it("rejects what is not an address with the expected form", () => {
    for (const bad of ["", "65:00", "0000:65:20.0", "0000:65:00.8", "zz:00.0", "100000000:00:00.0"]) {
      expect(() => parsePciAddress(bad)).toThrow(/not a PCI address|above ffff/);
    }
  });
});
