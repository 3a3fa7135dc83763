import { findGpuModel, findMigProfile, milliOfInstance } from "../../proto/catalog/GpuCatalog.ts";
import type { Allocation__Output } from "../../proto/generated/tessera/v1/Allocation.ts";
import type { Job__Output } from "../../proto/generated/tessera/v1/Job.ts";
import type { Node__Output } from "../../proto/generated/tessera/v1/Node.ts";
import type { ResourceRequest__Output } from "../../proto/generated/tessera/v1/ResourceRequest.ts";
import { gpuUnhealthy } from "../../proto/tessera/GpuHealthWire.ts";
import { table } from "../format/TextTable.ts";
import { failedMemberText } from "../service/GangMembers.ts";

/** How jobs and nodes look on a terminal (tables) and to scripts (`--json`). */

export function requestText(r: ResourceRequest__Output | null | undefined): string {
  if (!r) return "";
  const models = r.models.length > 0 ? ` on ${r.models.join("|")}` : "";
  switch (r.shape) {
    case "mig":
      return `mig ${r.mig?.profile}${models}`;
    case "slice":
      return `slice ${r.slice?.memoryMib}MiB/${r.slice?.computeSevenths}g${models}`;
    case "share":
      return `share ${(r.share?.gpuMilli ?? 0) / 1000} + ${r.share?.memoryMib}MiB${models}`;
    case "whole":
      return `${r.whole?.gpus} GPU${r.whole?.gpus === 1 ? "" : "s"}${r.whole?.requireNvlink ? " (NVLink)" : ""}${models}`;
    case "gang":
      return `gang ${r.gang?.nodes}x${r.gang?.gpusPerNode} GPUs${models}${r.gang?.mixedModels ? ", mixed models" : ""}`;
    case "noGpu":
      return `no GPU, ${r.cpuMillis / 1000} CPU + ${r.memoryMib}MiB`;
    default:
      return "";
  }
}

export function allocationText(a: Allocation__Output): string {
  if (a.kind === "none") return `${a.node} (no GPU)`;
  const gpu = `${a.node}/gpu${a.gpuIndex}`;
  if (a.kind === "mig") return `${gpu}:${a.migProfile}@${a.migStart}`;
  if (a.kind === "share" && a.migProfile) return `${gpu}:${a.migProfile}@${a.migStart}:${a.shareMilli / 10}%`;
  if (a.kind === "share") return `${gpu}:${a.shareMilli / 10}%`;
  return gpu;
}

/** How a share's limits hold on its node: said plainly where they do not. */
function shareIsolationText(a: Allocation__Output): string {
  if (a.kind !== "share") return "";
  const model = findGpuModel(a.gpuModel);
  const profile = a.migProfile && model ? findMigProfile(model, a.migProfile) : undefined;
  if (a.shareIsolation === "mps" && model && profile) {
    const percent = Math.ceil(milliOfInstance(model, profile, a.shareMilli) / 10);
    return `  MPS on MIG ${a.migProfile}: ${percent}% of the instance's SMs, ${a.shareMemoryMib} MiB pinned at most`;
  }
  if (a.shareIsolation === "mps")
    return `  MPS: ${a.shareMilli / 10}% of the SMs, ${a.shareMemoryMib} MiB pinned at most`;
  if (a.shareIsolation === "time-sliced")
    return "  time-sliced (no MPS on the node): GPU memory is NOT isolated, other shares can take it";
  return "";
}

/** The GPUs of a member or job in words: `gpu0 H100-SXM5-80GB whole`, `gpu1 A100-SXM4-40GB mig 3g.40gb`. */
export function gpusText(allocations: readonly Allocation__Output[]): string {
  const held = allocations.filter((a) => a.kind !== "none");
  if (held.length === 0) return "no GPU";
  return held
    .map((a) => {
      const what =
        a.kind === "mig"
          ? `mig ${a.migProfile}`
          : a.kind === "share"
            ? `share ${a.shareMilli / 10}%`
            : a.kind;
      return `gpu${a.gpuIndex} ${a.gpuModel} ${what}`;
    })
    .join(", ");
}

/** A gang's members (rank, node, GPUs, state, log) and which one failed; none for other jobs. */
function membersJson(job: Job__Output): Record<string, unknown> {
  if (job.members.length === 0) return {};
  const members = job.members.map((m) => ({
    rank: m.rank,
    node: m.node,
    gpus: gpusText(job.allocations.filter((a) => a.node === m.node)),
    state: m.state,
    detail: m.detail,
    log: m.logPath ? `${m.node}:${m.logPath}` : "",
    exitCode: m.exitCode,
    startedAt: m.startedUnixMs ? new Date(m.startedUnixMs).toISOString() : null,
    finishedAt: m.finishedUnixMs ? new Date(m.finishedUnixMs).toISOString() : null,
  }));
  const failed = failedMemberText(job.members.map((m) => ({ ...m, finishedMs: m.finishedUnixMs })));
  return { members, ...(failed ? { failedMember: failed } : {}) };
}

export function jobJson(job: Job__Output): Record<string, unknown> {
  return {
    id: job.id,
    name: job.spec?.name ?? "",
    tenant: job.spec?.tenant ?? "",
    queue: job.spec?.queue ?? "",
    priority: job.spec?.priority ?? 0,
    kind: job.spec?.kind ?? "",
    state: job.state,
    reason: job.reason,
    request: requestText(job.spec?.request),
    command: job.spec?.command ?? [],
    allocations: job.allocations.map((a) => ({
      node: a.node,
      gpuUuid: a.gpuUuid,
      gpuIndex: a.gpuIndex,
      gpuModel: a.gpuModel,
      kind: a.kind,
      ...(a.kind === "mig" || a.migProfile
        ? { migProfile: a.migProfile, migStart: a.migStart, migUuid: a.migUuid }
        : {}),
      ...(a.kind === "share"
        ? { shareMilli: a.shareMilli, shareMemoryMiB: a.shareMemoryMib, shareIsolation: a.shareIsolation }
        : {}),
    })),
    attempt: job.attempt,
    exitCode: job.exitCode,
    logNode: job.logNode,
    logPath: job.logPath,
    visibleDevices: job.visibleDevices,
    startedAt: job.startedUnixMs ? new Date(job.startedUnixMs).toISOString() : null,
    finishedAt: job.finishedUnixMs ? new Date(job.finishedUnixMs).toISOString() : null,
    createdAt: new Date(job.createdUnixMs).toISOString(),
    updatedAt: new Date(job.updatedUnixMs).toISOString(),
    transitions: job.transitions.map((t) => ({
      from: t.from,
      to: t.to,
      at: new Date(t.atUnixMs).toISOString(),
      reason: t.reason,
    })),
    ...membersJson(job),
  };
}

function age(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86400)}d`;
}

export function jobsTable(jobs: readonly Job__Output[], now = Date.now()): string {
  return table(
    ["ID", "NAME", "TENANT", "STATE", "REQUEST", "ALLOCATION", "AGE", "REASON"],
    jobs.map((j) => [
      j.id,
      j.spec?.name ?? "",
      j.spec?.tenant ?? "",
      j.state,
      requestText(j.spec?.request),
      j.allocations.map(allocationText).join(",") || "-",
      age(j.createdUnixMs, now),
      j.state === "Pending" || j.state === "Failed" || j.state === "Lost" ? j.reason : "",
    ]),
  );
}

/** Priority class, preemption and declared run time: what the queue orders and preempts by. */
function queueingText(j: Job__Output): string {
  const s = j.spec;
  return [
    s?.priorityClass ? `priority class ${s.priorityClass}` : `priority ${s?.priority ?? 0}`,
    s?.preemptible ? "preemptible" : "not preemptible by priority",
    s?.requeueOnPreemption ? "requeued if preempted" : "ends as Preempted if preempted",
    s?.maxRuntimeSeconds ? `max runtime ${s.maxRuntimeSeconds}s` : "no declared max runtime",
  ].join(", ");
}

export function jobDetail(j: Job__Output): string {
  const lines = [
    `ID:        ${j.id}`,
    `Name:      ${j.spec?.name}`,
    `Tenant:    ${j.spec?.tenant} (queue ${j.spec?.queue}, priority ${j.spec?.priority}, ${j.spec?.kind})`,
    `Queueing:  ${queueingText(j)}`,
    `State:     ${j.state}`,
    `Reason:    ${j.reason}`,
    `Request:   ${requestText(j.spec?.request)}`,
    `Command:   ${(j.spec?.command ?? []).join(" ")}`,
    `Attempt:   ${j.attempt}`,
  ];
  if (j.spec?.image) {
    const mounts = j.spec.mounts.map((m) => ` ${m.source}:${m.target}${m.readOnly ? ":ro" : ""}`).join("");
    lines.splice(lines.length - 1, 0, `Image:     ${j.spec.image}${mounts ? `, mounts${mounts}` : ""}`);
  }
  if (j.state === "Succeeded" || j.state === "Failed") lines.push(`Exit code: ${j.exitCode}`);
  if (j.members.length > 0) lines.push(...membersLines(j));
  else if (j.logPath) lines.push(`Log:       ${j.logNode}:${j.logPath}`);
  // For a VM job the agent reports the VM (runtime, boot time, GPUs with PCI addresses and IOMMU groups) here.
  if (j.spec?.kind === "vm" && j.visibleDevices) lines.push(`VM:        ${j.visibleDevices}`);
  lines.push("Allocations:");
  if (j.allocations.length === 0) lines.push("  (none)");
  for (const a of j.allocations) {
    if (a.kind === "none") {
      lines.push(`  ${allocationText(a)}`);
      continue;
    }
    const uuid = a.kind === "mig" || a.migProfile ? a.migUuid || "(not created yet)" : a.gpuUuid;
    lines.push(`  ${allocationText(a)}  ${a.gpuModel}  ${uuid}${shareIsolationText(a)}`);
  }
  lines.push("Transitions:");
  for (const t of j.transitions) {
    lines.push(
      `  ${new Date(t.atUnixMs).toISOString()}  ${(t.from || "-").padEnd(9)} -> ${t.to.padEnd(9)}  ${t.reason}`,
    );
  }
  return lines.join("\n");
}

/** A gang's members as a table, led by the member that failed it (read a member's log with --rank). */
function membersLines(j: Job__Output): string[] {
  const failed = failedMemberText(j.members.map((m) => ({ ...m, finishedMs: m.finishedUnixMs })));
  const rows = j.members.map((m) => [
    String(m.rank),
    m.node,
    gpusText(j.allocations.filter((a) => a.node === m.node)),
    m.state,
    m.logPath ? `${m.node}:${m.logPath}` : "-",
    m.detail,
  ]);
  return [
    ...(failed ? [`Failed:    ${failed}`] : []),
    `Members:   (tessera logs ${j.id} --rank N for one member's output)`,
    ...table(["RANK", "NODE", "GPUS", "STATE", "LOG", "DETAIL"], rows)
      .split("\n")
      .map((line) => `  ${line}`),
  ];
}

export function nodeJson(n: Node__Output): Record<string, unknown> {
  return {
    name: n.name,
    state: n.state,
    labels: n.labels,
    generation: n.generation,
    generationReached: n.generationReached,
    leaseExpiresAt: new Date(n.lease?.expiresUnixMs ?? 0).toISOString(),
    errors: n.errors,
    gpus: n.gpus.map((g) => {
      const seen = n.observed.find((o) => o.uuid === g.uuid);
      return {
        index: g.index,
        uuid: g.uuid,
        model: g.model,
        name: g.name,
        memoryMiB: g.memoryMib,
        migEnabled: seen?.migEnabled ?? false,
        migInstances: (seen?.instances ?? []).map((i) => ({
          profile: i.profile,
          start: i.start,
          uuid: i.uuid,
        })),
        health: seen?.health ?? "",
      };
    }),
  };
}

export function nodesTable(nodes: readonly Node__Output[]): string {
  return table(
    ["NODE", "STATE", "GPUS", "MIG LAYOUT", "UNHEALTHY GPUS", "GENERATION", "ERRORS"],
    nodes.map((n) => [
      n.name,
      n.state,
      Object.entries(
        n.gpus.reduce<Record<string, number>>((acc, g) => {
          acc[g.model || g.name] = (acc[g.model || g.name] ?? 0) + 1;
          return acc;
        }, {}),
      )
        .map(([m, c]) => `${c}x ${m}`)
        .join(", "),
      n.observed
        .filter((o) => o.migEnabled)
        .map(
          (o) =>
            `${n.gpus.find((g) => g.uuid === o.uuid)?.index}:[${o.instances.map((i) => i.profile).join(" ")}]`,
        )
        .join(" ") || "-",
      n.observed
        .filter((o) => gpuUnhealthy(o.health) !== undefined)
        .map((o) => `${n.gpus.find((g) => g.uuid === o.uuid)?.index}: ${o.health}`)
        .join("; ") || "-",
      `${n.generationReached}/${n.generation}`,
      n.errors.join("; "),
    ]),
  );
}
