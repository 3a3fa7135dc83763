import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const preflight = fileURLToPath(new URL("../.ci/apt-preflight", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "tessera-preflight-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a copy of .ci/apt-preflight over `packages` as a non-root user (an `id` that answers 1000). */
function runPreflight(packages: string): { status: number | null; stderr: string } {
  const repo = mkdtempSync(join(scratch, "repo-"));
  mkdirSync(join(repo, ".ci"));
  copyFileSync(preflight, join(repo, ".ci/apt-preflight"));
  writeFileSync(join(repo, ".ci/apt-packages.txt"), packages);
  const bin = join(repo, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "id"), "#!/bin/sh\necho 1000\n");
  chmodSync(join(bin, "id"), 0o755);
  const run = spawnSync("bash", [join(repo, ".ci/apt-preflight")], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  return { status: run.status, stderr: run.stderr };
}

describe(".ci/apt-preflight (npm test's first step)", () => {
  it("stops with the one command that installs what is missing when it cannot install itself", () => {
    const run = runPreflight("# comment\ndpkg\ntessera-no-such-package  # why\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("missing Debian packages the tests use: tessera-no-such-package.");
    expect(run.stderr).toContain(
      "sudo apt-get update && sudo apt-get install -y --no-install-recommends tessera-no-such-package\n",
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(2);
  });

  it("passes when every package, or one of each set of alternatives, is installed", () => {
    expect(runPreflight("dpkg\ntessera-no-such-package | bash\n")).toEqual({ status: 0, stderr: "" });
  });

  it("names the first alternative when none is installed", () => {
    const run = runPreflight("tessera-no-such-package | tessera-nor-this\n");
    expect(run.stderr).toContain("--no-install-recommends tessera-no-such-package\n");
  });
});
