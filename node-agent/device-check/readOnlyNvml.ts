import type { Nvml } from "../nvml/Nvml.ts";

const mutating = /^(set|create|destroy|register)/;

/**
 * The device check's guarantee that it changes nothing on a GPU: any call that could (MIG mode, compute mode,
 * instance creation or destruction, event registration) throws before it reaches the driver.
 */
export function readOnlyNvml(nvml: Nvml): Nvml {
  return new Proxy(nvml, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (typeof property === "string" && mutating.test(property)) {
        return () => {
          throw new Error(`device check is read-only: refusing to call ${property}`);
        };
      }
      return value.bind(target);
    },
  });
}
