import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import {
  type AgentProcess,
  runTessera,
  type SchedulerProcess,
  startAgentProcess,
  startSchedulerProcess,
} from "./support/TesseraProcesses.ts";

// Container jobs end to end with a real podman (Debian's 4.3, .ci/apt-packages.txt): scheduler and agent processes,
// a busybox image built here with `podman import` (no registry, no network), and the agent's CDI spec for its
// stand-in H100 in /var/run/cdi, where podman 4.3 reads specs. Podman keeps its state under this test's directory
// (containers.conf and storage.conf through CONTAINERS_CONF / CONTAINERS_STORAGE_CONF): the node's configuration,
// including what a sandbox like CI's needs (runc, explicit ulimits, no network namespace to set up).

const dir = mkdtempSync(join(tmpdir(), "tessera-containers-"));
const image = "localhost/tessera-test-busybox:1";
const cdiSpec = `/var/run/cdi/tessera-test-${randomUUID()}.json`;
const podmanEnv = {
  CONTAINERS_CONF: join(dir, "containers.conf"),
  CONTAINERS_STORAGE_CONF: join(dir, "storage.conf"),
};
const previousEnv = {
  CONTAINERS_CONF: process.env.CONTAINERS_CONF,
  CONTAINERS_STORAGE_CONF: process.env.CONTAINERS_STORAGE_CONF,
};
let scheduler: SchedulerProcess | undefined;
const agents: AgentProcess[] = [];
let client: SchedulerClient | undefined;

function podman(...args: string[]): string {
  return execFileSync("podman", args, { env: { ...process.env, ...podmanEnv }, encoding: "utf8" });
}

beforeAll(() => {
  writeFileSync(
    podmanEnv.CONTAINERS_CONF,
    [
      "[containers]",
      'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]',
      'netns = "none"',
      "[engine]",
      'runtime = "runc"',
      'pull_policy = "never"',
      `tmp_dir = "${join(dir, "libpod-tmp")}"`,
      'events_logger = "none"',
      "",
    ].join("\n"),
  );
  writeFileSync(
    podmanEnv.CONTAINERS_STORAGE_CONF,
    `[storage]\ndriver = "vfs"\ngraphroot = "${join(dir, "storage")}"\nrunroot = "${join(dir, "run")}"\n`,
  );
  // The agent and its podman children inherit these from this test process.
  Object.assign(process.env, podmanEnv);
  const root = join(dir, "rootfs");
  mkdirSync(join(root, "bin"), { recursive: true });
  execFileSync("cp", ["/usr/bin/busybox", join(root, "bin", "busybox")]);
  for (const applet of ["sh", "ls", "env", "grep", "sort", "sleep", "echo", "id", "cat"])
    symlinkSync("busybox", join(root, "bin", applet));
  execFileSync("tar", ["-C", root, "-cf", join(dir, "rootfs.tar"), "."]);
  podman("import", "--quiet", join(dir, "rootfs.tar"), image);
  // A host directory the job mounts read-only; its unprivileged user (nobody) must be able to reach it.
  mkdirSync(join(dir, "shared"));
  writeFileSync(join(dir, "shared", "note.txt"), "from the host\n");
  chmodSync(dir, 0o711);
  chmodSync(join(dir, "shared"), 0o755);
  chmodSync(join(dir, "shared", "note.txt"), 0o644);
}, 120_000);

afterAll(async () => {
  client?.close();
  await Promise.all(agents.map((a) => a.process.kill()));
  await scheduler?.process.kill();
  try {
    podman("rm", "--all", "--force");
    podman("rmi", "--all", "--force");
  } catch {
    // Nothing to remove, or podman itself failed: the directory goes below either way.
  }
  rmSync(cdiSpec, { force: true });
  for (const [name, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

function submit(args: string[]): Promise<string> {
  const cli = runTessera("submit", ["submit", "--scheduler", scheduler!.address, ...args]);
  return cli.exit().then(() => {
    const id = cli.output.trim();
    if (cli.child.exitCode !== 0 || !/^\S+$/.test(id))
      throw new Error(`tessera submit failed:\n${cli.output}`);
    return id;
  });
}

async function logOf(id: string): Promise<string> {
  let text = "";
  await client!.logs(id, false, (data) => {
    text += data.toString();
  });
  return text;
}

it("runs an --image job in a podman container with its MIG instance injected through CDI, and cancels one", async () => {
  scheduler = await startSchedulerProcess(dir);
  client = new SchedulerClient(scheduler.address);
  const c = client;
  // First only a node without a container runtime: an --image job waits, saying why.
  const h100 = { models: ["H100-SXM5-80GB"], mig: true };
  agents.push(startAgentProcess(dir, { name: "h100-plain", ...h100 }, scheduler.address));
  await eventually(
    "h100-plain Ready with its probed capabilities",
    async () => (await c.nodes()).find((n) => n.state === "Ready" && n.capabilities?.probed),
    60_000,
  );

  // The job sees its MIG device: the variables CDI and Tessera set, the device node, its own --env.
  const script =
    'echo "greeting=$GREETING"; env | grep -E "^(TESSERA_CDI_DEVICE|CUDA_VISIBLE_DEVICES)" | sort; ls -l /dev/nvidia0; id -u; cat /shared/note.txt; touch /shared/x || echo read-only';
  const id = await submit([
    "--image",
    image,
    "--mig",
    "1g.10gb",
    "--env",
    "GREETING=hello",
    "--mount",
    `${join(dir, "shared")}:/shared:ro`,
    "--",
    "sh",
    "-c",
    script,
  ]);
  const pending = await eventually("the job Pending", async () => {
    const job = await c.get(id);
    return job.state === "Pending" && job.reason ? job : undefined;
  });
  expect(pending.reason).toMatch(
    /0\/1 nodes are available: 1 cannot run container jobs \(no container runtime: see tessera agent --container-runtime\)/,
  );

  // Then a node whose agent runs podman: the job goes there.
  const agent = startAgentProcess(dir, { name: "h100-ctr", ...h100 }, scheduler.address, [
    "--container-runtime",
    "podman",
    "--cdi-spec",
    cdiSpec,
  ]);
  agents.push(agent);
  await agent.process.waitFor(
    /container jobs run with podman 4\.\d+\.\d+, OCI runtime runc; CDI spec/,
    60_000,
  );
  const spec = JSON.parse(readFileSync(cdiSpec, "utf8"));
  expect(spec).toMatchObject({ cdiVersion: "0.5.0", kind: "nvidia.com/gpu" });
  expect(spec.devices.map((d: { name: string }) => d.name)).toContain("0");
  const done = await eventually(
    "the container job Succeeded",
    async () => {
      const job = await c.get(id);
      if (job.state === "Failed") throw new Error(`job failed: ${job.reason}`);
      return job.state === "Succeeded" ? job : undefined;
    },
    60_000,
  );
  const mig = done.allocations[0]!;
  expect(mig.node).toBe("h100-ctr");
  expect(mig.kind).toBe("mig");
  expect(mig.migUuid).toMatch(/^MIG-/);
  const log = await logOf(id);
  expect(log).toContain("greeting=hello");
  expect(log).toContain(`CUDA_VISIBLE_DEVICES=${mig.migUuid}`);
  // The spec's own variable for MIG device 0 of GPU 0, and the device node it injected (a stand-in: /dev/null's).
  expect(log).toContain(`TESSERA_CDI_DEVICE_0_0=${mig.migUuid}`);
  expect(log).toMatch(/^c.* \/dev\/nvidia0$/m);
  // As the agent's unprivileged job user (nobody), not root.
  expect(log).toMatch(/^65534$/m);
  // The --mount, read-only.
  expect(log).toContain("from the host\n");
  expect(log).toContain("read-only\n");
  const detail = runTessera("job", ["job", "--scheduler", scheduler.address, id]);
  await detail.exit();
  expect(detail.output).toContain(`Image:     ${image}, mounts ${join(dir, "shared")}:/shared:ro\n`);
  // A missing image is a failure that names it.
  const missing = await submit(["--image", "localhost/no-such-image:1", "--mig", "1g.10gb", "--", "true"]);
  const failed = await eventually(
    "the missing-image job Failed",
    async () => {
      const job = await c.get(missing);
      return job.state === "Failed" ? job : undefined;
    },
    60_000,
  );
  expect(failed.reason).toMatch(
    /image localhost\/no-such-image:1 not found on node h100-ctr: Error: .*image not known/,
  );

  // A cancel stops the container with the grace period (its TERM trap runs) and nothing is left behind.
  const long = await submit([
    "--image",
    image,
    "--mig",
    "1g.10gb",
    "--",
    "sh",
    "-c",
    'trap "echo got TERM; exit 0" TERM; echo started; while true; do sleep 0.2; done',
  ]);
  await eventually(
    "the long job started",
    async () => (await logOf(long)).includes("started") || undefined,
    60_000,
  );
  expect(podman("ps", "--format", "{{.Names}}")).toContain(`tessera-${long}-1`);
  // While it runs, its MIG device is in the spec by UUID and by GPU:MIG index (the spec follows the layout).
  const longMig = (await c.get(long)).allocations[0]!.migUuid;
  const names = JSON.parse(readFileSync(cdiSpec, "utf8")).devices.map((d: { name: string }) => d.name);
  expect(names).toEqual(expect.arrayContaining([longMig, "0:0"]));
  await c.cancel(long);
  await eventually(
    "the long job Cancelled and its container gone",
    async () =>
      ((await c.get(long)).state === "Cancelled" &&
        podman("ps", "--all", "--filter", "name=^tessera-", "--format", "{{.Names}}").trim() === "") ||
      undefined,
    30_000,
  );
  await eventually(
    "the container's TERM trap ran",
    async () => (await logOf(long)).includes("got TERM") || undefined,
  );
  expect(existsSync(cdiSpec)).toBe(true);
}, 240_000);
