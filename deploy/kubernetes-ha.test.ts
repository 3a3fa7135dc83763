import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { buildProgram } from "../bin/cli.ts";
import { type SchedulerFlags, schedulerSettings } from "../scheduler/cli/SchedulerConfig.ts";

const dir = fileURLToPath(new URL("./kubernetes-ha/", import.meta.url));

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: {
    replicas?: number;
    serviceName?: string;
    template: {
      spec: {
        containers: Array<{
          args?: string[];
          env?: Array<{ name: string }>;
          livenessProbe?: { tcpSocket?: { port: string } };
        }>;
        volumes?: Array<Record<string, unknown>>;
      };
    };
  };
}

const read = (file: string) =>
  parseAllDocuments(readFileSync(join(dir, file), "utf8")).map((d) => d.toJS() as Manifest);

/** The scheduler options the real `tessera` program takes from these args (POD_IP expanded as the kubelet does). */
async function schedulerFlags(args: string[]): Promise<SchedulerFlags> {
  const program = await buildProgram();
  const command = program.commands.find((c: Command) => c.name() === "scheduler")!;
  let flags: SchedulerFlags | undefined;
  for (const c of [program, command]) c.exitOverride();
  command.action(() => {
    flags = command.opts();
  });
  await program.parseAsync(
    args.map((a) => a.replace("$(POD_IP)", "10.0.0.7")),
    { from: "user" },
  );
  return flags!;
}

describe("deploy/kubernetes-ha overlay", () => {
  it("runs 2 scheduler replicas on the overlay's 3 etcd members, with flags the CLI takes", async () => {
    const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8")) as {
      bases: string[];
      resources: string[];
    };
    expect([...kustomization.bases, ...kustomization.resources]).toEqual(["../kubernetes", "etcd.yaml"]);
    const [deployment] = read("scheduler-ha.yaml");
    expect(deployment?.spec.replicas).toBe(2);
    const container = deployment!.spec.template.spec.containers[0]!;
    expect(container.env?.map((e) => e.name)).toContain("POD_IP");
    // Followers serve no HTTP: liveness must not ask it, or followers would be restarted forever.
    expect(container.livenessProbe?.tcpSocket?.port).toBe("grpc");
    // The token file is the Secret mounted in the pod; the base manifest test checks that mount.
    const settings = schedulerSettings({ ...(await schedulerFlags(container.args!)), tokenFile: undefined });
    expect(settings.advertise).toBe("10.0.0.7:7070");
    const etcd = read("etcd.yaml").find((m) => m.kind === "StatefulSet")!;
    const members = Array.from(
      { length: etcd.spec.replicas! },
      (_, i) => `${etcd.metadata.name}-${i}.${etcd.spec.serviceName}:2379`,
    );
    expect(settings.storeLocation).toEqual({ kind: "etcd", endpoints: members });
  });

  it("renders with kubectl kustomize: 2 replicas whose store is etcd, without the base's volume claim", () => {
    const out = execFileSync("kubectl", ["kustomize", dir], {
      encoding: "utf8",
      // Newer kubectl warns that `bases` and `patchesJson6902` are deprecated (kept for kubectl 1.20).
      stdio: ["ignore", "pipe", "pipe"],
    });
    const objects = parseAllDocuments(out).map((d) => d.toJSON() as Manifest);
    const schedulers = objects.filter(
      (o) => o.kind === "Deployment" && o.metadata.name === "tessera-scheduler",
    );
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]!.spec.replicas).toBe(2);
    expect(schedulers[0]!.spec.template.spec.volumes?.[0]).toEqual({ name: "store", emptyDir: {} });
    expect(objects.filter((o) => o.kind === "PersistentVolumeClaim")).toEqual([]);
    expect(objects.some((o) => o.kind === "StatefulSet" && o.metadata.name === "tessera-etcd")).toBe(true);
  });
});
