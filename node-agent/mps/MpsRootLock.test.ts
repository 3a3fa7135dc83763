import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MpsRootLock } from "./MpsRootLock.ts";

const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function root(): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-mps-lock-"));
  dirs.push(dir);
  return join(dir, "mps");
}

/** Another process that takes the root and keeps it until killed; resolves once it holds it. */
function holder(at: string): Promise<ChildProcess> {
  const lock = join(import.meta.dirname, "MpsRootLock.ts");
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `const { MpsRootLock } = await import(${JSON.stringify(lock)}); MpsRootLock.acquire(${JSON.stringify(at)}); console.log("held"); setInterval(() => {}, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout?.once("data", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`the holder exited ${code}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

describe("MpsRootLock", () => {
  it("is taken by one process, again by the same one, and given up on release", () => {
    const at = root();
    const lock = MpsRootLock.acquire(at);
    const owner = readFileSync(join(at, "owner"), "utf8");
    expect(owner).toMatch(new RegExp(`^${process.pid} \\d+$`));
    // A supervisor made anew in the same process (an agent's restart in tests) keeps the root.
    MpsRootLock.acquire(at);
    lock.release();
    expect(existsSync(join(at, "owner"))).toBe(false);
  });

  it("refuses a second process while the first lives, and is taken over once it is killed", async () => {
    const at = root();
    const first = await holder(at);
    expect(() => MpsRootLock.acquire(at)).toThrow(
      `the daemons in ${at} are kept by another process (PID ${first.pid})`,
    );
    first.kill("SIGKILL");
    await exited(first);
    const lock = MpsRootLock.acquire(at);
    expect(readFileSync(join(at, "owner"), "utf8")).toMatch(new RegExp(`^${process.pid} `));
    lock.release();
  }, 30_000);

  it("takes over a file whose PID now names another process (started later, e.g. after a reboot)", async () => {
    const at = root();
    const other = await holder(root());
    // The PID is alive but its start time is not the one written down: not the owner.
    mkdirSync(at);
    writeFileSync(join(at, "owner"), `${other.pid} 1`);
    const lock = MpsRootLock.acquire(at);
    expect(readFileSync(join(at, "owner"), "utf8")).toMatch(new RegExp(`^${process.pid} `));
    lock.release();
  }, 30_000);

  it("leaves the file alone on release once another process has taken the root", () => {
    const at = root();
    const lock = MpsRootLock.acquire(at);
    writeFileSync(join(at, "owner"), "1 1");
    lock.release();
    expect(readFileSync(join(at, "owner"), "utf8")).toBe("1 1");
  });
});
