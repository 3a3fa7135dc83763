import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { processAlive } from "../node-agent/mps/MpsControlDaemon.ts";
import { ensureStandinMpsControl } from "../node-agent/standin/StandinBuild.ts";

const script = fileURLToPath(new URL("./fake-kubelet.py", import.meta.url));
// Debian's python3-grpcio lives in the system interpreter's dist-packages, not in a pyenv or venv one.
const python = "/usr/bin/python3";

it("passes the Python (grpcio C-core) fake kubelet's checks against `tessera device-plugin`", () => {
  const probe = spawnSync(python, ["-c", "import grpc, grpc_tools.protoc, google.protobuf"], {
    encoding: "utf8",
  });
  if (probe.status !== 0) {
    throw new Error(
      `${python} cannot import grpc, grpc_tools and google.protobuf (${probe.stderr.trim() || probe.error}); ` +
        "install python3-grpcio python3-grpc-tools python3-protobuf (listed in .ci/apt-packages.txt)",
    );
  }
  const workdir = mkdtempSync(join(tmpdir(), "tessera-pyk-"));
  try {
    const mpsControl = ensureStandinMpsControl();
    const run = spawnSync(python, [script, workdir, process.execPath, mpsControl], {
      encoding: "utf8",
      timeout: 90_000,
    });
    // The failed check first: the whole log can be longer than an assertion message shows.
    const failed = run.stdout.split("\n").filter((line) => line.startsWith("FAIL:"));
    const output = [...failed, run.stdout, run.stderr].join("\n");
    expect(run.status, output).toBe(0);
    expect(run.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  } finally {
    // A daemon whose replica the fake kubelet still holds outlives the plugin, as it must for a real pod.
    const mpsRoot = join(workdir, "mps");
    for (const gpu of existsSync(mpsRoot) ? readdirSync(mpsRoot) : []) {
      const state = join(mpsRoot, gpu, "log", "standin-state.json");
      if (!existsSync(state)) continue;
      const { pid } = JSON.parse(readFileSync(state, "utf8")) as { pid: number };
      if (processAlive(pid)) process.kill(pid, "SIGKILL");
    }
    rmSync(workdir, { recursive: true, force: true });
  }
}, 100_000);
