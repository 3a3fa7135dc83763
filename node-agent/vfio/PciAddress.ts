/**
 * A PCI function address in the canonical sysfs form `DDDD:BB:SS.F` (e.g. `0000:65:00.0`). NVML reports an
 * 8-digit domain (`00000000:65:00.0`) and users often type the short form (`65:00.0`); both normalise here so
 * that one GPU never shows up under two spellings.
 */
export type PciAddress = string & { readonly __brand: "PciAddress" };

const pciAddressPattern = /^(?:([0-9a-f]{4,8}):)?([0-9a-f]{2}):([0-1][0-9a-f])\.([0-7])$/i;

export function parsePciAddress(text: string): PciAddress {
  const match = pciAddressPattern.exec(text.trim());
  if (!match) {
    throw new Error(
      `"${text}" is not a PCI address; expected DOMAIN:BUS:SLOT.FUNCTION such as 0000:65:00.0 (hex digits)`,
    );
  }
  const [, domain = "0000", bus = "", slot = "", fn = ""] = match;
  const domainValue = Number.parseInt(domain, 16);
  if (domainValue > 0xffff) throw new Error(`PCI address "${text}": domain ${domain} is above ffff`);
  const hex = (value: string, width: number) =>
    Number.parseInt(value, 16).toString(16).padStart(width, "0").toLowerCase();
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(slot, 2)}.${fn}` as PciAddress;
}

/** The numeric parts, as libvirt's `<address domain='0x0000' bus='0x65' slot='0x00' function='0x0'/>` wants them. */
export function pciAddressParts(address: PciAddress): {
  domain: number;
  bus: number;
  slot: number;
  fn: number;
} {
  const [domain = "0", bus = "0", slotFn = "0.0"] = address.split(":");
  const [slot = "0", fn = "0"] = slotFn.split(".");
  return {
    domain: Number.parseInt(domain, 16),
    bus: Number.parseInt(bus, 16),
    slot: Number.parseInt(slot, 16),
    fn: Number.parseInt(fn, 16),
  };
}
