import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { buildProgram } from "../bin/cli.ts";
import { parseDevicePluginConfig } from "../plugins/deviceplugin/DevicePluginConfig.ts";
import { podResourcesSocketPath } from "../proto/k8s/podresources/PodResourcesApi.ts";
import { parseHostPort } from "../proto/tessera/SchedulerEndpoint.ts";
import { CertificateAuthority } from "../scheduler/security/CertificateAuthority.ts";

const dir = fileURLToPath(new URL("./kubernetes/", import.meta.url));
const cli = fileURLToPath(new URL("../bin/tessera.js", import.meta.url));

function httpsStatus(url: string, ca: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on("error", reject);
  });
}

// Loose views of the Kubernetes objects; the test only reads what it checks.
interface Port {
  name?: string;
  containerPort?: number;
  port?: number;
  targetPort?: number | string;
}
interface Container {
  name: string;
  image?: string;
  args: string[];
  env?: { name: string }[];
  ports?: Port[];
  volumeMounts?: { name: string; mountPath: string }[];
  readinessProbe?: { httpGet: { path: string; port: string } };
  livenessProbe?: { httpGet: { path: string; port: string } };
}
interface Volume {
  name: string;
  hostPath?: { path: string };
  persistentVolumeClaim?: { claimName: string };
  configMap?: { name: string };
  secret?: { secretName: string };
}
interface PodSpec {
  serviceAccountName: string;
  nodeSelector?: Record<string, string>;
  containers: Container[];
  volumes: Volume[];
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: {
    selector?: Record<string, string> & { matchLabels?: Record<string, string> };
    ports?: Port[];
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    endpoints?: { port: string; path: string }[];
  };
  data?: Record<string, string>;
  resources?: string[];
  subjects?: { kind: string; name: string; namespace?: string }[];
}

const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
const overlay = fileURLToPath(new URL("./overlays/with-monitoring/", import.meta.url));

/** What `kubectl kustomize PATH` renders (kubectl from Debian's kubernetes-client, .ci/apt-packages.txt). */
function render(path: string): K8sObject[] {
  const out = execFileSync("kubectl", ["kustomize", path], {
    encoding: "utf8",
    // Newer kubectl warns that `bases` and `patchesJson6902` are deprecated (kept for kubectl 1.20).
    stdio: ["ignore", "pipe", "pipe"],
  });
  return parseAllDocuments(out).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`kubectl kustomize ${path}: ${doc.errors[0]!.message}`);
    return doc.toJS() as K8sObject;
  });
}

const base = render(dir);
// The overlay adds the optional Prometheus Operator component: the checks below cover every object of both.
const objects = render(overlay);

function find(kind: string, name: string): K8sObject {
  const object = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`no ${kind} ${name} in deploy/kubernetes`);
  return object;
}

/** Parses the container's args with the real `tessera` program and returns the chosen command's options. */
async function parseArgs(args: string[]): Promise<Record<string, unknown>> {
  const program = await buildProgram();
  const name = args[0]!;
  const command = program.commands.find((c: Command) => c.name() === name);
  if (!command) throw new Error(`tessera has no "${name}" command`);
  let options: Record<string, unknown> | undefined;
  const errors: string[] = [];
  for (const c of [program, command]) {
    c.exitOverride();
    c.configureOutput({ writeErr: (text) => errors.push(text), writeOut: () => {} });
  }
  command.action(() => {
    options = command.opts();
  });
  // The kubelet expands $(VAR) from the container's env before starting it.
  const expanded = args.map((a) => a.replace(/\$\(NODE_NAME\)/g, "gpu-node-1"));
  try {
    await program.parseAsync(expanded, { from: "user" });
  } catch (error) {
    throw new Error(`tessera ${expanded.join(" ")}: ${errors.join("") || (error as Error).message}`);
  }
  return options!;
}

function portOf(address: unknown): number {
  const match = /:(\d+)$/.exec(String(address));
  if (!match) throw new Error(`${String(address)} has no port`);
  return Number(match[1]);
}

function mountFor(pod: PodSpec, container: Container, path: string): { volume: Volume; mountPath: string } {
  const mount = (container.volumeMounts ?? [])
    .filter((m) => path === m.mountPath || path.startsWith(`${m.mountPath}/`))
    .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  if (!mount) throw new Error(`${container.name}: ${path} is on no mounted volume`);
  const volume = pod.volumes.find((v) => v.name === mount.name);
  if (!volume) throw new Error(`${container.name}: mount ${mount.name} has no volume`);
  return { volume, mountPath: mount.mountPath };
}

function subset(labels: Record<string, string> | undefined, of: Record<string, string> | undefined): boolean {
  return (
    Object.entries(labels ?? {}).every(([k, v]) => of?.[k] === v) && Object.keys(labels ?? {}).length > 0
  );
}

describe("deploy/kubernetes manifests", () => {
  it("parse, live in the tessera namespace, and are all listed in the kustomization", () => {
    const kustomization = parse(readFileSync(join(dir, "kustomization.yaml"), "utf8")) as K8sObject;
    expect([...(kustomization.resources ?? [])].sort()).toEqual(
      files.filter((f) => f !== "kustomization.yaml").sort(),
    );
    for (const o of objects) {
      expect(o.apiVersion, o.kind).toBeTruthy();
      expect(o.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
      const clusterScoped = ["Namespace", "ClusterRole", "ClusterRoleBinding"].includes(o.kind);
      expect(o.metadata.namespace, `${o.kind} ${o.metadata.name}`).toBe(
        clusterScoped ? undefined : "tessera",
      );
    }
    for (const kind of [
      "Deployment",
      "DaemonSet",
      "Service",
      "ServiceMonitor",
      "ConfigMap",
      "PersistentVolumeClaim",
      "Role",
    ]) {
      expect(
        objects.some((o) => o.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it("render with kubectl kustomize: the base without Prometheus Operator objects, the overlay with them", () => {
    const images = (rendered: K8sObject[]) =>
      rendered.flatMap((o) => o.spec?.template?.spec.containers.map((c) => c.image) ?? []);
    // The image comes from kustomize's images: (a registry, not docker.io/library/tessera).
    expect(images(base)).toEqual([
      "registry.example.com/tessera:0.1.0",
      "registry.example.com/tessera:0.1.0",
    ]);
    expect(images(objects)).toEqual([
      "registry.example.com/ml-platform/tessera:0.1.0",
      "registry.example.com/ml-platform/tessera:0.1.0",
    ]);
    // A plain cluster has no ServiceMonitor CRD: the base applies without it.
    expect(base.filter((o) => o.kind === "ServiceMonitor" || o.kind === "Role")).toEqual([]);
    expect(objects.filter((o) => o.kind === "ServiceMonitor")).toHaveLength(1);
    // The RoleBinding's subject is the overlay's Prometheus account.
    const binding = objects.find(
      (o) => o.kind === "RoleBinding" && o.metadata.name === "tessera-prometheus-discovery",
    );
    expect(binding?.subjects).toEqual([
      { kind: "ServiceAccount", name: "kube-prometheus-stack-prometheus", namespace: "monitoring" },
    ]);
    // Agents go where GPU feature discovery found GPUs.
    const agent = base.find((o) => o.kind === "DaemonSet" && o.metadata.name === "tessera-agent");
    expect(agent?.spec?.template?.spec.nodeSelector).toEqual({ "nvidia.com/gpu.present": "true" });
  });

  it("runs the scheduler with flags the CLI has, its store on the volume, and consistent ports", async () => {
    const deployment = find("Deployment", "tessera-scheduler");
    const pod = deployment.spec!.template!.spec;
    const container = pod.containers[0]!;
    const options = await parseArgs(container.args);
    const ports = new Map((container.ports ?? []).map((p) => [p.name, p.containerPort]));
    expect(portOf(options.listen)).toBe(ports.get("grpc"));
    expect(portOf(options.http)).toBe(ports.get("http"));
    expect(String(options.listen)).toMatch(/^0\.0\.0\.0:/);
    // Listening beyond loopback needs credentials and TLS, from Secrets.
    expect(mountFor(pod, container, String(options.credentials)).volume.secret?.secretName).toBe(
      "tessera-credentials",
    );
    for (const file of [options.tlsCert, options.tlsKey, options.tlsCa]) {
      expect(mountFor(pod, container, String(file)).volume.secret?.secretName).toBe("tessera-scheduler-tls");
    }
    const store = mountFor(pod, container, String(options.db)).volume.persistentVolumeClaim?.claimName;
    expect(find("PersistentVolumeClaim", store!).kind).toBe("PersistentVolumeClaim");
    expect(container.readinessProbe?.httpGet).toEqual({ path: "/healthz", port: "http", scheme: "HTTPS" });
    expect(container.livenessProbe?.httpGet).toEqual({ path: "/healthz", port: "http", scheme: "HTTPS" });
    expect(find("ServiceAccount", pod.serviceAccountName).kind).toBe("ServiceAccount");

    const service = find("Service", "tessera-scheduler");
    expect(subset(service.spec!.selector, deployment.spec!.template!.metadata.labels)).toBe(true);
    for (const port of service.spec!.ports!) expect(ports.has(String(port.targetPort)), port.name).toBe(true);
    const monitor = find("ServiceMonitor", "tessera-scheduler");
    expect(subset(monitor.spec!.selector!.matchLabels, service.metadata.labels)).toBe(true);
    expect(monitor.spec!.endpoints).toEqual([expect.objectContaining({ port: "http", path: "/metrics" })]);
    expect(service.spec!.ports!.map((p) => p.name)).toContain("http");
  });

  it("points the probes and the ServiceMonitor at paths a scheduler without agents yet answers", async () => {
    const container = find("Deployment", "tessera-scheduler").spec!.template!.spec.containers[0]!;
    const paths = [
      container.readinessProbe!.httpGet.path,
      container.livenessProbe!.httpGet.path,
      ...find("ServiceMonitor", "tessera-scheduler").spec!.endpoints!.map((e) => e.path),
    ];
    // The manifest's own args, with loopback addresses and files in a scratch directory.
    const scratch = mkdtempSync(join(tmpdir(), "tessera-manifest-"));
    const ca = new CertificateAuthority(scratch);
    const server = ca.server("scheduler", ["127.0.0.1"]);
    writeFileSync(
      join(scratch, "credentials.yaml"),
      "users:\n  - { name: ops, token: manifest-test-token-0123, role: admin }\n",
    );
    const scratchFiles: Record<string, string> = {
      "--credentials": join(scratch, "credentials.yaml"),
      "--tls-cert": server.cert,
      "--tls-key": server.key,
      "--tls-ca": ca.ca.cert,
      "--db": join(scratch, "tessera.db"),
    };
    const args = container.args.map((arg, i) => {
      const flag = container.args[i - 1] ?? "";
      if (flag === "--listen" || flag === "--http") return "127.0.0.1:0";
      return scratchFiles[flag] ?? arg;
    });
    const scheduler = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /(https:\/\/[^\s]+) \(HTTP\)/.exec(output);
          if (match) resolve(match[1]!.replace(/\/$/, ""));
        };
        scheduler.stdout.on("data", onData);
        scheduler.stderr.on("data", onData);
        scheduler.once("exit", () => reject(new Error(`tessera ${args.join(" ")} exited:\n${output}`)));
      });
      for (const path of paths)
        expect(await httpsStatus(`${url}${path}`, readFileSync(ca.ca.cert)), path).toBe(200);
    } finally {
      scheduler.kill("SIGTERM");
      await new Promise((resolve) => scheduler.once("exit", resolve));
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 30_000);

  it("runs the agent with flags the CLI has, pointed at the Service, with the device-plugin directory mounted", async () => {
    const daemonSet = find("DaemonSet", "tessera-agent");
    const pod = daemonSet.spec!.template!.spec;
    const container = pod.containers[0]!;
    expect(container.env?.map((e) => e.name)).toContain("NODE_NAME");
    const options = await parseArgs(container.args);
    expect(options.node).toBe("gpu-node-1");
    expect(mountFor(pod, container, String(options.dataDir)).volume.hostPath?.path).toBe(
      String(options.dataDir),
    );

    const service = find("Service", "tessera-scheduler");
    const grpcPort = service.spec!.ports!.find((p) => p.name === "grpc")!.port;
    expect(options.scheduler).toBe(`${service.metadata.name}.${service.metadata.namespace}.svc:${grpcPort}`);
    // What the agent itself checks before dialing.
    expect(parseHostPort(String(options.scheduler), "--scheduler").port).toBe(grpcPort);
    // Each node's own key from its disk: no Secret holds every node's key for every agent to read.
    for (const file of [options.tlsCert, options.tlsKey, options.tlsCa]) {
      const mount = mountFor(pod, container, String(file));
      expect(mount.volume.hostPath?.path).toBe(mount.mountPath);
      expect(mount.volume.secret).toBeUndefined();
    }
    expect(String(options.tlsCert)).not.toContain("NODE_NAME");
    expect(pod.volumes.filter((v) => v.secret)).toEqual([]);

    const kubeletDir = String(options.kubeletDir);
    const pluginMount = mountFor(pod, container, kubeletDir);
    expect(pluginMount.mountPath).toBe(kubeletDir);
    expect(pluginMount.volume.hostPath?.path).toBe("/var/lib/kubelet/device-plugins");
    // The agent reads pod-resources beside the device-plugin directory to learn which pods still hold devices.
    const podResources = mountFor(pod, container, podResourcesSocketPath(kubeletDir));
    expect(podResources.volume.hostPath?.path).toBe("/var/lib/kubelet/pod-resources");

    const configPath = String(options.devicePluginConfig);
    const configMount = mountFor(pod, container, configPath);
    const configMap = find("ConfigMap", configMount.volume.configMap!.name);
    const text = configMap.data?.[configPath.slice(configMount.mountPath.length + 1)];
    expect(text, `${configPath} is not a key of ConfigMap ${configMap.metadata.name}`).toBeDefined();
    const config = parseDevicePluginConfig(parse(text!), `ConfigMap ${configMap.metadata.name}`);
    expect(config.kubeletDir).toBe(kubeletDir);
    const mps = mountFor(pod, container, config.mpsRoot);
    expect(mps.volume.hostPath?.path).toBe(config.mpsRoot);
    // The agent's MPS daemons share /dev/shm with the pods that Allocate gives <mpsRoot>/shm.
    expect(mountFor(pod, container, "/dev/shm").volume.hostPath?.path).toBe(`${config.mpsRoot}/shm`);
    expect(find("ServiceAccount", pod.serviceAccountName).kind).toBe("ServiceAccount");
  });
});
