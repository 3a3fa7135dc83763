import { readFileSync, statSync } from "node:fs";
import type { Command } from "commander";
import { migConfigRequests, parseMigPartedSpec } from "../mig/MigPartedSpec.ts";
import { type GpuMigRequest, type MigReconcileResult, reconcileMig } from "../mig/MigReconciler.ts";
import { discoverWith } from "../nvml/discoverHost.ts";
import { Nvml } from "../nvml/Nvml.ts";
import { formatMigInstances, formatReconcileResult } from "./migLayoutText.ts";

function withNvml<T>(run: (nvml: Nvml) => T): T {
  const nvml = Nvml.open();
  try {
    return run(nvml);
  } finally {
    nvml.close();
  }
}

function report(command: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    console.error(`tessera mig ${command}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

function printResult(result: MigReconcileResult, json: boolean | undefined): void {
  console.log(json ? JSON.stringify(result, null, 2) : formatReconcileResult(result).join("\n"));
}

function parseGpuList(text: string): number[] {
  const list = text.split(",").map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new Error(`--gpu "${text}" must be GPU indices separated by commas, e.g. 0,2`);
  }
  return list;
}

const maxMigPartedBytes = 256 * 1024;

/** `tessera mig apply|show|clear`. */
export function registerMigCommands(program: Command): void {
  const mig = program
    .command("mig")
    .description("Show and configure MIG instances through NVML (TESSERA_NVML_LIBRARY picks the library)");

  mig
    .command("apply")
    .description(
      "Apply a named config of an NVIDIA mig-parted `version: v1` file: plans explicit placements, keeps what " +
        "already matches, refuses layouts that cannot fit or that would destroy instances with running processes, " +
        "and restores the previous layout if a step fails",
    )
    .requiredOption("-f, --file <FILE>", "mig-parted config file (YAML)")
    .requiredOption("-c, --config <NAME>", "name of the config under mig-configs")
    .option("--json", "print what was done as JSON")
    .action((options: { file: string; config: string; json?: boolean }) =>
      report("apply", () => {
        let text: string;
        try {
          // mig-parted files are a few KiB; a huge one is a mistake and would only cost memory and time.
          const size = statSync(options.file).size;
          if (size > maxMigPartedBytes) {
            throw new Error(
              `it is ${size} bytes; mig-parted files are a few KiB (limit ${maxMigPartedBytes})`,
            );
          }
          text = readFileSync(options.file, "utf8");
        } catch (error) {
          throw new Error(`cannot read ${options.file}: ${(error as Error).message}`);
        }
        const spec = parseMigPartedSpec(text, options.file);
        const result = withNvml((nvml) => {
          const gpus = discoverWith(nvml).gpus;
          const requests: GpuMigRequest[] = migConfigRequests(spec, options.config, gpus);
          return reconcileMig(nvml, requests);
        });
        printResult(result, options.json);
      }),
    );

  mig
    .command("show")
    .description("Show MIG mode and the GPU/compute instances (with MIG UUIDs) of every GPU")
    .option("--json", "print JSON: gpus[] with index, uuid, name, mig")
    .action((options: { json?: boolean }) =>
      report("show", () => {
        const gpus = withNvml((nvml) => discoverWith(nvml).gpus);
        if (options.json) {
          const view = gpus.map((g) => ({ index: g.index, uuid: g.uuid, name: g.name, mig: g.mig }));
          console.log(JSON.stringify({ gpus: view }, null, 2));
          return;
        }
        for (const g of gpus) {
          const mode = g.mig.capable ? `MIG ${g.mig.enabled ? "on" : "off"}` : "no MIG";
          console.log(`GPU ${g.index}  ${g.name}  ${g.uuid}  ${mode}`);
          if (g.mig.enabled) console.log(formatMigInstances(g.mig.instances, "  ").join("\n"));
        }
      }),
    );

  mig
    .command("clear")
    .description("Destroy every MIG instance (MIG mode stays on); refuses when processes run on one")
    .option("-g, --gpu <LIST>", "only these GPU indices, e.g. 0,2")
    .option("--json", "print what was done as JSON")
    .action((options: { gpu?: string; json?: boolean }) =>
      report("clear", () => {
        const only = options.gpu === undefined ? null : parseGpuList(options.gpu);
        const result = withNvml((nvml) => {
          const gpus = discoverWith(nvml).gpus;
          for (const index of only ?? []) {
            if (!gpus.some((g) => g.index === index))
              throw new Error(`GPU ${index} does not exist on this host`);
          }
          const requests = gpus
            .filter((g) => g.mig.enabled && (only === null || only.includes(g.index)))
            .map((g) => ({ gpuIndex: g.index, instances: [] }));
          return reconcileMig(nvml, requests);
        });
        printResult(result, options.json);
      }),
    );
}
