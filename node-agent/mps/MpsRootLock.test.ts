import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
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

/**
 * Another process that says "ready", waits for `go` (when given), then tries to take the root and keeps what it got
 * until killed; `said` resolves with what it printed next: "held", or the refusal.
 */
function contender(
  at: string,
  go?: string,
): { child: ChildProcess; ready: Promise<void>; said: Promise<string> } {
  const lock = join(import.meta.dirname, "MpsRootLock.ts");
  const wait = go
    ? `while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 1));`
    : "";
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `import { existsSync } from "node:fs"; const { MpsRootLock } = await import(${JSON.stringify(lock)});
       console.log("ready"); ${wait}
       try { MpsRootLock.acquire(${JSON.stringify(at)}); console.log("held"); } catch (err) { console.log(err.message); }
       setInterval(() => {}, 1000);`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  // The iterator keeps lines that come before they are asked for.
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`the contender exited ${child.exitCode}`);
    return line.value;
  };
  const ready = next().then(() => undefined);
  const said = ready.then(next);
  return { child, ready, said };
}

/** Another process that takes the root and keeps it until killed; resolves once it holds it. */
async function holder(at: string): Promise<ChildProcess> {
  const { child, said } = contender(at);
  expect(await said).toBe("held");
  return child;
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
    expect(owner).toBe(`${process.pid}\n`);
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
    expect(readFileSync(join(at, "owner"), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  }, 30_000);

  it("takes over a file that names a live PID but that no process holds (left before a reboot)", async () => {
    const at = root();
    const other = await holder(root());
    // The PID is alive, but the file is not locked: its owner ended.
    mkdirSync(at);
    writeFileSync(join(at, "owner"), `${other.pid} 1`);
    const lock = MpsRootLock.acquire(at);
    expect(readFileSync(join(at, "owner"), "utf8")).toBe(`${process.pid}\n`);
    lock.release();
  }, 30_000);

  it("is taken by exactly one of several processes that come at once for a dead owner's root", async () => {
    const at = root();
    const dead = await holder(at);
    dead.kill("SIGKILL");
    await exited(dead);
    const go = join(at, "..", "go");
    const contenders = Array.from({ length: 5 }, () => contender(at, go));
    // Every contender is started and polling before any may try.
    await Promise.all(contenders.map((c) => c.ready));
    writeFileSync(go, "");
    const said = await Promise.all(contenders.map((c) => c.said));
    expect(said.filter((s) => s === "held")).toHaveLength(1);
    for (const s of said.filter((s) => s !== "held")) {
      // The PID named is the winner's, or the dead owner's when read in the instant before the winner wrote it.
      expect(s).toMatch(/^MPS: the daemons in .* are kept by another process \(PID \d+\)/);
      expect(s).toContain(at);
    }
  }, 60_000);
});
