import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { GpuObserved } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import { type CdiGpu, cdiDeviceName, cdiKind, nvidiaCdiSpec } from "./CdiSpec.ts";

export interface CdiSpecWriterOptions {
  /** Tessera's own spec (`--cdi-spec`), in a directory the runtime reads (/etc/cdi or /var/run/cdi). */
  path: string;
  /** Where NVIDIA's container toolkit puts its spec (`nvidia-ctk cdi generate`); a spec there is used instead. */
  toolkitDirs?: readonly string[];
  /** The node's GPUs and MIG devices, from what the agent observed. */
  gpus: (observed: readonly GpuObserved[]) => CdiGpu[];
  /** Stand-in GPUs: device nodes are /dev/null (see nvidiaCdiSpec). */
  standin: boolean;
}

/** Where the toolkit writes its spec on Debian/Ubuntu and in the GPU operator. */
export const toolkitCdiDirs = ["/etc/cdi", "/var/run/cdi"];

/**
 * Keeps the node's `nvidia.com/gpu` CDI spec current: the toolkit's where one exists, else Tessera's own, rewritten
 * (atomically, only when it changed) as MIG devices come and go. Names a job's devices for the runtime.
 */
export class CdiSpecWriter {
  private written = "";
  /** The toolkit's spec file and its device names, when the node has one. */
  private toolkit: { path: string; names: Set<string> } | undefined;
  private gpus: CdiGpu[] = [];

  constructor(private readonly options: CdiSpecWriterOptions) {
    if (existsSync(options.path)) this.written = readFileSync(options.path, "utf8");
  }

  /** The spec file the runtime reads for this node's GPUs. */
  get specPath(): string {
    return this.toolkit?.path ?? this.options.path;
  }

  /** Takes the GPUs as observed; writes Tessera's spec if it changed and the toolkit has none. */
  refresh(observed: readonly GpuObserved[]): void {
    this.gpus = this.options.gpus(observed);
    this.toolkit = this.findToolkitSpec();
    if (this.toolkit) return;
    const text = `${JSON.stringify(nvidiaCdiSpec(this.gpus, this.options.standin), null, 2)}\n`;
    if (text === this.written) return;
    mkdirSync(dirname(this.options.path), { recursive: true });
    const tmp = `${this.options.path}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, this.options.path);
    this.written = text;
  }

  /**
   * The CDI name of a GPU or MIG device by UUID: its UUID where the spec names devices so (Tessera's does), else
   * its index name (`0`, `0:1`), which the toolkit's default naming uses. Undefined when the spec lacks it.
   */
  deviceName(uuid: string): string | undefined {
    const names = this.toolkit?.names;
    if (!names || names.has(uuid)) return this.hasDevice(uuid) ? cdiDeviceName(uuid) : undefined;
    for (const gpu of this.gpus) {
      const mig = gpu.migs.find((m) => m.uuid === uuid);
      const name = gpu.uuid === uuid ? String(gpu.index) : mig ? `${gpu.index}:${mig.index}` : undefined;
      if (name !== undefined) return names.has(name) ? cdiDeviceName(name) : undefined;
    }
    return undefined;
  }

  /** Removes Tessera's spec (the agent's GPUs are no longer for containers). */
  remove(): void {
    rmSync(this.options.path, { force: true });
    this.written = "";
  }

  private hasDevice(uuid: string): boolean {
    return this.gpus.some((g) => g.uuid === uuid || g.migs.some((m) => m.uuid === uuid));
  }

  private findToolkitSpec(): { path: string; names: Set<string> } | undefined {
    const own = resolve(this.options.path);
    for (const dir of this.options.toolkitDirs ?? toolkitCdiDirs) {
      let files: string[];
      try {
        files = readdirSync(dir).filter((f) => /^nvidia.*\.(ya?ml|json)$/.test(f));
      } catch {
        continue;
      }
      for (const file of files.sort()) {
        const path = join(dir, file);
        if (resolve(path) === own) continue;
        try {
          const text = readFileSync(path, "utf8");
          // YAML is loaded only for a YAML spec: most agents never read one, and start faster without it.
          const spec = (
            file.endsWith(".json") ? JSON.parse(text) : createRequire(import.meta.url)("yaml").parse(text)
          ) as { kind?: string; devices?: { name?: string }[] } | null;
          if (spec?.kind !== cdiKind) continue;
          return { path, names: new Set((spec.devices ?? []).map((d) => String(d.name))) };
        } catch {
          // Not a spec we can read: the runtime will say so; ours is written instead.
        }
      }
    }
    return undefined;
  }
}
