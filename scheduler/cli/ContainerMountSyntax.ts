import type { ContainerMount } from "../../proto/generated/tessera/v1/ContainerMount.ts";

/**
 * `SRC:DST[:ro]` (or `:rw`) of `--mount` and a job file's `mounts:`, as a ContainerMount. Only the syntax is
 * checked here; the scheduler checks the paths (absolute, no `..`), for HTTP submitters too.
 */
export function parseContainerMount(text: string, where: string): ContainerMount {
  const parts = text.split(":");
  const mode = parts.length === 3 ? parts[2] : "rw";
  if (parts.length < 2 || parts.length > 3 || !parts[0] || !parts[1] || (mode !== "ro" && mode !== "rw")) {
    throw new Error(
      `${where}: expected SRC:DST or SRC:DST:ro with absolute paths (e.g. /data/imagenet:/data:ro), got "${text}"`,
    );
  }
  return { source: parts[0], target: parts[1], readOnly: mode === "ro" };
}
