import { accessSync, constants } from "node:fs";
import { delimiter, join, resolve } from "node:path";

/** NVIDIA's MPS control daemon; a node can share GPUs through MPS only where it is installed. */
export const defaultMpsControlBinary = "nvidia-cuda-mps-control";

/**
 * The MPS control daemon's executable as an absolute or relative path, or undefined where it cannot be run:
 * `binary` itself when it names a path, else the first executable of that name on `path` (default: $PATH).
 */
export function resolveMpsControl(
  binary = defaultMpsControlBinary,
  path = process.env.PATH ?? "",
): string | undefined {
  const candidates = binary.includes("/")
    ? [resolve(binary)]
    : path
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, binary));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
