import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { bindingView } from "./bindingView.ts";
import { compareViews, formatComparison } from "./compareViews.ts";
import type { HostView } from "./hostView.ts";
import { mpsDaemonCheck } from "./mpsDaemonCheck.ts";
import { nvidiaSmiView } from "./nvidiaSmiView.ts";

export interface DeviceCheckOptions {
  /** Folder for the raw outputs (views as JSON, `nvidia-smi -q`). */
  reportDir: string;
  pynvmlScript: string;
  python?: string;
  nvidiaSmi?: string;
  /** NVML library for our binding (default: TESSERA_NVML_LIBRARY, else the driver's). */
  libraryPath?: string;
  /** MPS control daemon to start and stop on the first GPU (default: nvidia-cuda-mps-control on PATH). */
  mpsControl?: string;
}

function pynvmlView(python: string, script: string): HostView | "missing" {
  const run = spawnSync(python, [script], { encoding: "utf8", timeout: 120_000 });
  if (run.error) return { source: "pynvml", gpus: [], error: `${python}: ${run.error.message}` };
  if (run.status === 3) return "missing";
  if (run.status !== 0)
    return { source: "pynvml", gpus: [], error: `pynvml_view.py failed: ${run.stderr.trim()}` };
  try {
    return JSON.parse(run.stdout) as HostView;
  } catch {
    return { source: "pynvml", gpus: [], error: "pynvml_view.py did not print JSON" };
  }
}

/**
 * Reads the GPUs three ways (Tessera's binding, nvidia-smi, pynvml) without changing anything, prints them side by
 * side and returns exit code 1 on any difference or any source that failed. A host without pynvml is compared on
 * two sources, with a warning.
 */
export function runDeviceCheck(options: DeviceCheckOptions): { exitCode: number; output: string } {
  const lines: string[] = [];
  const ours = bindingView(options.libraryPath);
  const smi = nvidiaSmiView(options.nvidiaSmi);
  const py = pynvmlView(options.python ?? "python3", options.pynvmlScript);
  const views: HostView[] = [ours, smi.view];
  if (py === "missing")
    lines.push("warning: pynvml is not installed; comparing Tessera with nvidia-smi only");
  else views.push(py);

  const errors = views.filter((v) => v.error).map((v) => `${v.source}: ${v.error}`);
  const rows = compareViews(views);
  const differences = rows.filter((r) => r.status === "DIFF");
  lines.push(formatComparison(views, rows));
  mkdirSync(options.reportDir, { recursive: true });
  writeFileSync(join(options.reportDir, "views.json"), JSON.stringify({ views, rows }, null, 2));
  writeFileSync(join(options.reportDir, "nvidia-smi-q.txt"), smi.fullQuery);
  lines.push(`raw outputs: ${options.reportDir}`);
  for (const e of errors) lines.push(`error: ${e}`);
  for (const d of differences)
    lines.push(`DIFFERENT: ${d.scope} ${d.field}: ${d.values.map((v) => v ?? "-").join(" | ")}`);
  const mps = mpsDaemonCheck(ours.gpus[0]?.uuid, options.mpsControl);
  lines.push(...mps.lines);
  if (mps.status === "failed") errors.push("mps: the MPS control daemon check failed (lines above)");
  const ok = errors.length === 0 && differences.length === 0;
  lines.push(
    ok
      ? "device check passed: every source agrees"
      : `device check FAILED: ${differences.length} difference(s), ${errors.length} error(s)`,
  );
  return { exitCode: ok ? 0 : 1, output: lines.join("\n") };
}

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const pynvmlScript = argument("--pynvml-script");
  const reportDir = argument("--report");
  if (!pynvmlScript || !reportDir) {
    console.error(
      "usage: device-check --pynvml-script PATH --report DIR [--nvidia-smi PATH] [--python PATH] [--mps-control PATH]",
    );
    process.exit(2);
  }
  const result = runDeviceCheck({
    pynvmlScript,
    reportDir,
    nvidiaSmi: argument("--nvidia-smi"),
    python: argument("--python"),
    mpsControl: argument("--mps-control"),
  });
  console.log(result.output);
  process.exitCode = result.exitCode;
}
