import type { GpuModel } from "../../proto/catalog/GpuCatalog.ts";

/** NVML's `nvmlDeviceArchitecture_t` values (fact sheet 3.2; Turing is 6 in NVIDIA's header). */
const nvmlArchitecture: Readonly<Record<string, number>> = {
  turing: 6,
  ampere: 7,
  ada: 8,
  hopper: 9,
  blackwell: 10,
};

function cString(text: string): string {
  return JSON.stringify(text);
}

/**
 * The stand-in's C tables, rendered from the catalog: the one source of truth for GPU/MIG geometry, so the
 * stand-in and the TypeScript catalog cannot disagree. Profiles the fact sheet could not confirm carry their
 * confidence as a comment.
 */
export function standinCatalogHeader(models: readonly GpuModel[]): string {
  const out: string[] = [
    "/* Generated from proto/catalog/gpu-models.json by node-agent/standin/standinCatalogHeader.ts; do not edit. */",
  ];
  models.forEach((model, m) => {
    const profiles = model.mig?.profiles ?? [];
    if (profiles.length === 0) return;
    out.push(`static const standin_gi_profile standin_profiles_${m}[] = {`);
    for (const p of profiles) {
      if (p.placementStarts.length > 8) throw new Error(`${model.id} ${p.name}: more than 8 placements`);
      const starts = p.placementStarts.join(", ");
      const e = p.engines;
      const why = (p.note ?? "see catalog").replaceAll("*/", "* /");
      const note = p.confidence === "confirmed" ? "" : ` /* ${p.confidence}: ${why} */`;
      out.push(
        `  {${cString(p.name)}, ${p.id}, ${p.index}, ${p.computeSlices}, ${p.memorySlices}, ${p.memoryMiB}ULL, ` +
          `${p.maxInstances}, ${p.placementStarts.length}, {${starts}}, ${e.sm}, ${e.ce}, ${e.dec}, ${e.jpeg}, ` +
          `${e.ofa}},${note}`,
      );
    }
    out.push("};");
  });
  out.push("const standin_model standin_models[] = {");
  models.forEach((model, m) => {
    const arch = nvmlArchitecture[model.architecture];
    if (arch === undefined) throw new Error(`${model.id}: unknown architecture "${model.architecture}"`);
    const links = (model as GpuModel & { nvlinkLinks?: number }).nvlinkLinks ?? 0;
    const mig = model.mig;
    out.push(
      `  {${cString(model.id)}, ${cString(model.name)}, ${model.pciDeviceId}u, ${model.computeCapability[0]}, ` +
        `${model.computeCapability[1]}, ${arch}, ${model.memoryMiB}ULL, ${model.smCount}, ${links}, ${mig ? 1 : 0}, ` +
        `${mig?.computeSlices ?? 0}, ${mig?.memorySlices ?? 0}, ${mig?.profiles.length ?? 0}, ` +
        `${mig ? `standin_profiles_${m}` : "0"}},`,
    );
  });
  out.push("};", `const unsigned standin_model_count = ${models.length};`, "");
  return out.join("\n");
}
