import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run build` in a copy of the repository: the CLI runs from the bundles it makes (one per group of commands,
// each with a V8 code cache), and from the sources as soon as one of them is edited.
const repository = resolve(import.meta.dirname, "..");
const copy = mkdtempSync(join(tmpdir(), "tessera-cli-build-"));
const cli = join(copy, "bin", "tessera.js");
let scheduler: ChildProcess;
let address: string;

function tessera(...args: string[]): string {
  return execFileSync(process.execPath, [cli, ...args], { cwd: copy, encoding: "utf8" });
}

const codeCaches = () => readdirSync(join(copy, "dist", "cli", "code-cache"));

beforeAll(async () => {
  for (const entry of ["bin", "scheduler", "node-agent", "plugins", "proto"])
    cpSync(join(repository, entry), join(copy, entry), {
      recursive: true,
      filter: (path) => !/[/\\](node_modules|build|\.tessera)$/.test(path),
    });
  for (const file of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json"])
    cpSync(join(repository, file), join(copy, file));
  symlinkSync(join(repository, "node_modules"), join(copy, "node_modules"));
  // tsc's incremental state, when there is one, only spares time: it compiles what changed (by content).
  if (existsSync(join(repository, "dist")))
    cpSync(join(repository, "dist"), join(copy, "dist"), { recursive: true });
  execFileSync(process.execPath, [join(copy, "bin", "build.js")], { cwd: copy, stdio: "ignore" });
  scheduler = spawn(
    process.execPath,
    [cli, "scheduler", "--listen", "127.0.0.1:0", "--db", join(copy, "scheduler.db")],
    { cwd: copy, stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  address = await new Promise<string>((found, failed) => {
    scheduler.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /listening on (\S+) \(gRPC\)/.exec(err);
      if (m) found(m[1]!);
    });
    scheduler.once("exit", () => failed(new Error(`the scheduler exited: ${err}`)));
  });
}, 240_000);

afterAll(async () => {
  if (scheduler && scheduler.exitCode === null) {
    scheduler.kill("SIGTERM");
    await new Promise((done) => scheduler.once("exit", done));
  }
  rmSync(copy, { recursive: true, force: true });
});

describe("the built CLI", () => {
  it("runs each command from its bundle, and writes that command's code cache", () => {
    const manifest = JSON.parse(readFileSync(join(copy, "dist", "cli", "manifest.json"), "utf8"));
    expect(manifest.commands.jobs).toBe("ClientCommands.cjs");
    expect(existsSync(join(copy, "dist", "cli", "ClientCommands.cjs"))).toBe(true);
    expect(tessera("--version").trim()).toBe("0.1.0");
    const id = tessera("submit", "--name", "built", "--mig", "1g.10gb", "--scheduler", address, "--", "true");
    expect(tessera("jobs", "--scheduler", address)).toContain(id.trim());
    const jobsCache = `${manifest.bundles["ClientCommands.cjs"].hash}-jobs.v8`;
    expect(codeCaches()).toEqual(
      expect.arrayContaining([jobsCache, `${manifest.bundles["all.cjs"].hash}-other.v8`]),
    );
    // From its cache, the same answer.
    expect(tessera("jobs", "--scheduler", address)).toContain(id.trim());
  });

  it("loads a package it leaves out of a bundle on demand, also when the bundle comes from its code cache", () => {
    // `simulate` loads the LP solver (highs) only when it needs the bound: Node 20 gives a cached script no import()
    // callback, so the build turns such an import into a require.
    const nodes = join(copy, "nodes.csv");
    const pods = join(copy, "pods.csv");
    writeFileSync(
      nodes,
      "sn,cpu_milli,memory_mib,gpu,model\nn1,32000,262144,2,V100M16\nn2,32000,262144,8,V100M16\n",
    );
    writeFileSync(
      pods,
      "name,cpu_milli,memory_mib,num_gpu,gpu_milli\np1,1000,1024,1,1000\np2,2000,1024,1,500\n",
    );
    for (const bundle of readdirSync(join(copy, "dist", "cli")).filter((f) => f.endsWith(".cjs")))
      expect(readFileSync(join(copy, "dist", "cli", bundle), "latin1")).not.toMatch(/\bimport\(["'`]/);
    const simulate = () => tessera("simulate", "--nodes", nodes, "--pods", pods);
    expect(simulate()).toContain("upper bound at arrived 100% (offline LP over the same arrivals): 100.00%");
    expect(codeCaches().some((f) => f.endsWith("-simulate.v8"))).toBe(true);
    expect(simulate()).toContain("upper bound at arrived 100% (offline LP over the same arrivals): 100.00%");
  });

  it("runs the sources once a source of the command's bundle is edited", () => {
    const commands = join(copy, "scheduler", "cli", "ClientCommands.ts");
    const source = readFileSync(commands, "utf8");
    expect(source).toContain('"queue a job; prints its id"');
    writeFileSync(commands, source.replace('"queue a job; prints its id"', '"queue a job (edited)"'));
    expect(tessera("submit", "--help")).toContain("queue a job (edited)");
    expect(tessera("jobs", "--scheduler", address)).toContain("built");
  });
});
