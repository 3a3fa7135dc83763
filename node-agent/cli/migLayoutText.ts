import type { MigAction, MigReconcileResult } from "../mig/MigReconciler.ts";
import type { MigInstance } from "../nvml/MigInventory.ts";

/** The instance table of `tessera discover` and `tessera mig show`. */
export function formatMigInstances(instances: readonly MigInstance[], indent: string): string[] {
  if (instances.length === 0) return [`${indent}MIG instances: none`];
  return [
    `${indent}MIG instances:`,
    ...instances.map(
      (i) =>
        `${indent}  ${i.profile.padEnd(12)} start ${i.start} size ${i.size}  GI ${i.gpuInstanceId} ` +
        `CI ${i.computeInstanceId ?? "-"}  ${i.uuid ?? "(no compute instance)"}`,
    ),
  ];
}

function describeAction(action: MigAction): string {
  const at = `${action.profile} at slot ${action.start} (GPU instance ${action.gpuInstanceId}`;
  const uuids = (action.devices ?? []).map((d) => d.uuid).filter((u) => u !== null);
  switch (action.kind) {
    case "enable-mig":
      return "enabled MIG mode";
    case "disable-mig":
      return "disabled MIG mode";
    case "create":
      return `created ${at}${uuids.length > 0 ? `; ${uuids.join(", ")}` : ""})`;
    case "destroy":
      return `destroyed ${at})`;
  }
}

/** One line per change, or one "nothing changed" line per GPU that already matched. */
export function formatReconcileResult(result: MigReconcileResult): string[] {
  const lines: string[] = [];
  for (const gpu of result.gpus) {
    const label = `GPU ${gpu.gpuIndex} (${gpu.name})`;
    if (gpu.actions.length === 0) lines.push(`${label}: already as configured, nothing changed`);
    for (const action of gpu.actions) lines.push(`${label}: ${describeAction(action)}`);
  }
  if (result.gpus.length === 0) lines.push("no GPU is selected by this config; nothing changed");
  return lines;
}
