import type { EventEmitter } from "node:events";
import type { JobObserved__Output } from "../../proto/generated/tessera/v1/JobObserved.ts";
import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import { changesNothing, wholeReport } from "../../proto/tessera/ReportDelta.ts";
import type { SchedulerQueue } from "../queue/SchedulerQueue.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import type { AgentChannel } from "./AgentChannel.ts";
import type { ClusterMirror } from "./ClusterMirror.ts";
import type { FleetFeasibility } from "./FleetFeasibility.ts";
import { noteMemberReport } from "./GangMembers.ts";
import type { JobLifecycle } from "./JobLifecycle.ts";
import type { JobReports } from "./JobReports.ts";
import type { AgentSession } from "./NodeRecord.ts";
import type { NodeRegistry } from "./NodeRegistry.ts";
import { queueJobSource } from "./PlacementCycle.ts";
import type { SchedulerEvents } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";

/** The scheduler's parts an agent's messages change. */
export interface AgentIntakeParts {
  registry: NodeRegistry;
  lifecycle: JobLifecycle;
  reports: JobReports;
  mirror: ClusterMirror;
  channel: AgentChannel;
  feasibility: FleetFeasibility;
  queue: SchedulerQueue;
  events: EventEmitter<SchedulerEvents>;
  /** Asks for a placement cycle soon. */
  requestCycle: () => void;
  log: (line: string) => void;
}

/**
 * Applies what agents say (registrations, reports, disconnections) to the node registry, the engine's view and
 * the jobs, and answers with the nodes' desired state. Job changes are stored before any agent is told of them.
 */
export class AgentReportIntake {
  constructor(private readonly parts: AgentIntakeParts) {}

  /** A new agent stream registered; returns its session. */
  register(msg: Register__Output, connection: Omit<AgentSession, "id">): AgentSession {
    const { registry, mirror, lifecycle, reports, channel, feasibility, events } = this.parts;
    const { node, session } = registry.register(msg, connection);
    feasibility.fleetChanged();
    mirror.syncNode(node, lifecycle.activeJobsOn(node.name));
    const noted = this.noteMemberReports(node.name, msg.jobs);
    const changed = reports.apply(node, msg.jobs);
    channel.pushDesired(node);
    events.emit("node", node);
    void lifecycle.persist([...new Set([...changed, ...noted])]).then(() => {
      this.tellNodes(reports.takeNodesToTell());
      this.parts.requestCycle();
    });
    return session;
  }

  report(nodeName: string, sessionId: number, received: Report__Output): void {
    const { registry, mirror, lifecycle, reports, channel, feasibility, queue, events, requestCycle } =
      this.parts;
    // A report from a replaced stream is stale: fencing by session.
    const node = registry.current(nodeName, sessionId);
    if (!node?.session) return;
    const previous = node.session.lastReport;
    // A heartbeat that changes nothing costs a lease renewal and no more: a fleet sends one per agent per interval.
    if (previous && changesNothing(previous, received)) {
      registry.renew(node);
      return;
    }
    if (received.delta && !previous) {
      throw ServiceError.invalid(
        "a delta report needs a whole report before it on the same stream; send one",
      );
    }
    const msg = wholeReport(previous, received);
    node.session.lastReport = msg;
    registry.observe(node, msg);
    // A GPU that turned healthy again may let a pending job in.
    if (mirror.syncHealth(node)) requestCycle();
    // Before the job reports: a job refused for a failed layout change must not be placed there again.
    if (mirror.syncLayouts(node, lifecycle.activeJobsOn(node.name))) {
      channel.pushDesired(node);
      requestCycle();
    }
    if (msg.capabilities) {
      // A finished probe (a VM runtime found or lost) changes what the node can run.
      mirror.syncNode(node, lifecycle.activeJobsOn(node.name));
      feasibility.fleetChanged();
      requestCycle();
    }
    if (JSON.stringify(msg.kubeletAllocations) !== JSON.stringify(node.kubeletAllocations ?? [])) {
      mirror.updateKubeletHolds(node, msg.kubeletAllocations, lifecycle.activeJobsOn(node.name));
      // The agent must not converge to a layout without the pod's instance.
      channel.pushDesired(node);
      // A released device may let a pending job in.
      requestCycle();
    }
    const noted = this.noteMemberReports(node.name, msg.jobs);
    const changed = reports.apply(node, msg.jobs);
    const onlyNoted = noted.filter((job) => !changed.includes(job));
    if (onlyNoted.length > 0) {
      // Only a member's view changed: the record in memory keeps it, and the job's next write stores it.
      lifecycle.persist(onlyNoted).catch((err: unknown) => {
        this.parts.log(`could not store gang member reports: ${err instanceof Error ? err.message : err}`);
      });
    }
    // A job that started may have replaced its borrowing reason; one that ended may end another's borrowing.
    if (changed.length > 0) {
      // Not taken: the next placement cycle looks at these jobs too.
      queue.sync(queueJobSource(lifecycle, lifecycle.changedSinceCycle()));
      for (const job of lifecycle.noteBorrowing(queue.borrowing())) {
        if (!changed.includes(job)) changed.push(job);
      }
    }
    events.emit("node", node);
    if (changed.length > 0) {
      void lifecycle.persist(changed).then(() => {
        channel.pushDesired(node);
        this.tellNodes(reports.takeNodesToTell());
        requestCycle();
      });
    }
  }

  disconnected(nodeName: string, sessionId: number): void {
    const { registry, mirror, lifecycle, channel, feasibility, events } = this.parts;
    const node = registry.current(nodeName, sessionId);
    if (!node) return;
    channel.endLogsOf(nodeName);
    registry.disconnected(node);
    // No new work goes to a node without a connected agent; its jobs keep their slices.
    mirror.detachNode(node, lifecycle.activeJobsOn(node.name));
    feasibility.fleetChanged();
    events.emit("node", node);
    this.parts.requestCycle();
  }

  /** Sends nodes their desired state after a job change that concerns them (other members of a gang). */
  tellNodes(names: Iterable<string>): void {
    for (const name of names) {
      const node = this.parts.registry.get(name);
      if (node) this.parts.channel.pushDesired(node);
    }
  }

  /** Keeps what an agent says of its gang members (for `tessera job`); returns the jobs that changed. */
  private noteMemberReports(nodeName: string, reports: readonly JobObserved__Output[]): JobRecord[] {
    const changed: JobRecord[] = [];
    for (const r of reports) {
      const job = this.parts.lifecycle.get(r.jobId);
      if (job && noteMemberReport(job, nodeName, r)) changed.push(job);
    }
    return changed;
  }
}
