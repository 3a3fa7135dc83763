import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** NVIDIA's MPS control daemon; a node can share GPUs through MPS only where it is installed. */
const mpsControlBinary = "nvidia-cuda-mps-control";

/** Whether the MPS control daemon can be run: its binary is an executable on `path` (default: $PATH). */
export function mpsControlAvailable(path = process.env.PATH ?? ""): boolean {
  return path
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, mpsControlBinary), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}
