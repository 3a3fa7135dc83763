import type { JobSpec__Output } from "../../proto/generated/tessera/v1/JobSpec.ts";
import type { ContainerSpec, JobKind } from "../store/JobRecord.ts";
import { quoted } from "./QuotedValue.ts";
import type { ServiceError } from "./ServiceError.ts";

/** Registry host, path, tag and digest characters of an OCI reference; no spaces, no leading `-` (a flag). */
const imagePattern = /^[A-Za-z0-9][A-Za-z0-9._\-/:@+]{0,511}$/;
const maxMounts = 32;

/**
 * JobSpec.image and .mounts checked: the image a reference a runtime can take as one argument, each mount two
 * absolute, normalized paths without `:` or `,` (the separators of `--mount SRC:DST[:ro]` and of the runtime's
 * own mount syntax). Absent when the job runs on the host.
 */
export function containerSpec(
  spec: JobSpec__Output,
  kind: JobKind,
  bad: (field: string, what: string) => ServiceError,
): ContainerSpec | undefined {
  const mounts = spec.mounts ?? [];
  if (!spec.image) {
    if (mounts.length > 0) throw bad("mounts", "need an image: mounts go into a container (--image REF)");
    return undefined;
  }
  if (kind === "vm") {
    throw bad(
      "image",
      "is a container image; a vm job runs in a VM (its root filesystem archive is --image with --vm)",
    );
  }
  for (const [name, value] of Object.entries(spec.env)) {
    // The runtime takes a container's environment as NAME=VALUE lines.
    if (/[\r\n]/.test(value))
      throw bad(`env.${name}`, "holds a line break, which a container job's environment cannot carry");
  }
  if (!imagePattern.test(spec.image)) {
    throw bad(
      "image",
      `${quoted(spec.image)} is not an image reference such as docker.io/library/python:3.12 or localhost/train:1`,
    );
  }
  if (mounts.length > maxMounts)
    throw bad("mounts", `has ${mounts.length} mounts; the limit is ${maxMounts}`);
  const targets = new Set<string>();
  const checked = mounts.map((m, i) => {
    for (const [field, path] of [
      ["source", m.source],
      ["target", m.target],
    ] as const) {
      const problem = pathProblem(path);
      if (problem) throw bad(`mounts[${i}].${field}`, `${quoted(path)} ${problem}`);
    }
    if (m.target === "/") throw bad(`mounts[${i}].target`, "cannot be / (the image's root)");
    if (targets.has(m.target)) throw bad(`mounts[${i}].target`, `${quoted(m.target)} is mounted twice`);
    targets.add(m.target);
    return { source: m.source, target: m.target, readOnly: m.readOnly };
  });
  return { image: spec.image, mounts: checked };
}

function pathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return "is not an absolute path (start it with /)";
  if (path.length > 4096) return "is longer than 4096 characters";
  if (/[:,\0\n]/.test(path)) return "holds a ':', ',', newline or NUL, which mount syntax cannot carry";
  if (path.split("/").some((part) => part === "." || part === ".."))
    return "holds . or .. components; give the path without them";
  return undefined;
}
