import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { afterEach, expect, it } from "vitest";
import {
  type ListPodResourcesResponse,
  podResourcesListerService,
} from "../../proto/k8s/podresources/PodResourcesApi.ts";
import type { KubeletAllocation } from "./AllocationSink.ts";
import { KubeletAllocationTable } from "./KubeletAllocationTable.ts";
import type { PluginLog } from "./PluginLog.ts";
import { PodResourcesReleaser } from "./PodResourcesReleaser.ts";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const old = new Date(Date.now() - 60_000);
const alloc = (resourceName: string, deviceIds: string[], at = old): KubeletAllocation => ({
  resourceName,
  kind: "gpu",
  deviceIds,
  gpuUuids: deviceIds,
  at,
});

type ListHandler = (call: unknown, done: grpc.sendUnaryData<ListPodResourcesResponse>) => void;

/** A kubelet pod-resources endpoint on `socket`. */
async function serve(socket: string, List: ListHandler): Promise<void> {
  const server = new grpc.Server();
  server.addService(podResourcesListerService, { List });
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (e) =>
      e ? reject(e) : resolve(),
    ),
  );
  cleanups.push(() => new Promise<void>((resolve) => server.tryShutdown(() => resolve())));
}

/** List answers: one pod per resource, holding these device IDs. */
const listing =
  (listed: Record<string, string[]>): ListHandler =>
  (_call, done) =>
    done(null, {
      pod_resources: Object.entries(listed).map(([resource_name, device_ids], i) => ({
        name: `pod-${i}`,
        namespace: "default",
        containers: [{ name: "main", devices: [{ resource_name, device_ids }], cpu_ids: [] }],
      })),
    });

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "tessera-podres-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const lines: string[] = [];
  const log: PluginLog = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  const table = new KubeletAllocationTable();
  const socket = join(dir, "kubelet.sock");
  const releaser = new PodResourcesReleaser({ socket, table, log, timeoutMs: 1000, settleMs: 5000 });
  cleanups.push(() => releaser.stop());
  return { table, socket, releaser, lines };
}

it("releases allocations no running container holds, matching device IDs per resource", async () => {
  const { table, socket, releaser } = setup();
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-a"]));
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-b"]));
  // Same ID under another resource name is not the same device.
  table.reportAllocation(alloc("nvidia.com/gpu.shared", ["GPU-c::0", "GPU-c::1"]));
  table.reportAllocation(alloc("tessera.io/gpu", ["GPU-d"]));
  await serve(
    socket,
    listing({
      "nvidia.com/gpu": ["GPU-a", "GPU-d"],
      "nvidia.com/gpu.shared": ["GPU-c::1"],
    }),
  );
  await releaser.check();
  expect(table.current().map((a) => a.deviceIds)).toEqual([["GPU-a"], ["GPU-c::0", "GPU-c::1"]]);
});

it("keeps an allocation younger than the settle time: the kubelet may not list it yet", async () => {
  const { table, socket, releaser } = setup();
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-new"], new Date()));
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-old"]));
  await serve(socket, listing({}));
  await releaser.check();
  expect(table.current().map((a) => a.deviceIds)).toEqual([["GPU-new"]]);
});

it("releases nothing while the socket is absent, says so once, and works once the kubelet serves List", async () => {
  const { table, socket, releaser, lines } = setup();
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-a"]));
  await releaser.check();
  await releaser.check();
  expect(table.current()).toHaveLength(1);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^warn pod-resources List at .*kubelet\.sock failed .*released only when/);

  await serve(socket, listing({}));
  await releaser.check();
  expect(table.current()).toEqual([]);
  expect(lines[1]).toMatch(/^info pod-resources List at .* works again/);
});

it("releases nothing when List fails", async () => {
  const { table, socket, releaser, lines } = setup();
  await serve(socket, (_call, done) => done({ code: grpc.status.PERMISSION_DENIED, details: "not allowed" }));
  table.reportAllocation(alloc("nvidia.com/gpu", ["GPU-a"]));
  await releaser.check();
  expect(table.current()).toHaveLength(1);
  expect(lines[0]).toMatch(/not allowed/);
});
