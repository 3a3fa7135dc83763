import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { ContainerFailure, ContainerRun, ContainerRuntime } from "./ContainerRuntime.ts";

const run = promisify(execFile);

/**
 * Podman's CLI. The node's configuration (OCI runtime, default ulimits, registries, pull policy, storage) is
 * podman's own: containers.conf, storage.conf, registries.conf, or CONTAINERS_CONF in the agent's environment.
 */
export class PodmanRuntime implements ContainerRuntime {
  readonly name = "podman";

  constructor(private readonly binary = "podman") {}

  async probe(): Promise<{ ok: boolean; detail: string }> {
    try {
      const { stdout } = await run(
        this.binary,
        ["info", "--format", "podman {{.Version.Version}}, OCI runtime {{.Host.OCIRuntime.Name}}"],
        { timeout: 30_000 },
      );
      return { ok: true, detail: stdout.trim() };
    } catch (err) {
      const e = err as Error & { stderr?: string };
      return { ok: false, detail: (e.stderr?.trim() || e.message).split("\n").at(-1) ?? e.message };
    }
  }

  runArgs(c: ContainerRun): string[] {
    const args = [this.binary, "run", "--rm", "--name", c.name];
    for (const device of c.cdiDevices) args.push("--device", device);
    args.push("--env-file", c.envFile);
    for (const m of c.mounts) args.push("--volume", `${m.source}:${m.target}${m.readOnly ? ":ro" : ""}`);
    if (c.workdir) args.push("--workdir", c.workdir);
    if (c.hostNetwork) args.push("--network", "host");
    if (c.hostIpc) args.push("--ipc", "host");
    if (c.user) {
      // The job's unprivileged user in the container too: no capabilities, and no setuid way back to root
      // (which would own the host paths mounted in).
      args.push("--user", `${c.user.uid}:${c.user.gid}`, "--cap-drop", "all");
      args.push("--security-opt", "no-new-privileges");
    }
    // `--` keeps an image reference or a command starting with `-` from being read as an option.
    args.push("--", c.image, ...c.command);
    return args;
  }

  stopArgs(name: string, graceSeconds: number): string[] {
    return [this.binary, "stop", "--time", String(Math.max(0, Math.round(graceSeconds))), name];
  }

  removeArgs(name: string): string[] {
    return [this.binary, "rm", "--force", "--ignore", name];
  }

  async list(prefix: string): Promise<string[]> {
    const { stdout } = await run(
      this.binary,
      ["ps", "--all", "--filter", `name=^${prefix}`, "--format", "{{.Names}}"],
      { timeout: 30_000 },
    );
    return stdout.split("\n").filter((name) => name.startsWith(prefix));
  }

  /** podman exits 125 when it failed itself, 126/127 when the container's command could not be run. */
  failureOf(exitCode: number, outputTail: string): ContainerFailure | undefined {
    if (exitCode < 125 || exitCode > 127) return undefined;
    const detail = outputTail
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.startsWith("Error:"))
      .at(-1);
    if (!detail) return undefined;
    const imageMissing =
      exitCode === 125 &&
      /image not known|manifest unknown|name unknown|pull access denied|repository .* not found|initializing source/i.test(
        detail,
      );
    return { imageMissing, detail };
  }
}
