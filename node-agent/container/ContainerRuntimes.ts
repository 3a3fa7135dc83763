import type { ContainerRuntime } from "./ContainerRuntime.ts";
import { PodmanRuntime } from "./PodmanRuntime.ts";

/** `tessera agent --container-runtime` values; `none` turns container jobs off. */
export const containerRuntimeNames = ["podman", "none"] as const;

/** Tessera's own CDI spec when NVIDIA's toolkit wrote none (`--cdi-spec`): a directory podman 4.3 reads. */
export const defaultCdiSpecPath = "/var/run/cdi/tessera-nvidia.json";

/** The runtime `--container-runtime` names; undefined for `none`. */
export function createContainerRuntime(name: string): ContainerRuntime | undefined {
  if (name === "none") return undefined;
  if (name === "podman") return new PodmanRuntime();
  throw new Error(
    `--container-runtime: unknown runtime "${name}"; use ${containerRuntimeNames.join(" or ")}`,
  );
}
