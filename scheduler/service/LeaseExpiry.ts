import type { EventEmitter } from "node:events";
import type { JobRecord } from "../store/JobRecord.ts";
import type { ClusterMirror } from "./ClusterMirror.ts";
import type { FleetFeasibility } from "./FleetFeasibility.ts";
import { gangMemberNodes } from "./GangMembers.ts";
import type { JobLifecycle } from "./JobLifecycle.ts";
import type { NodeRegistry } from "./NodeRegistry.ts";
import type { SchedulerEvents } from "./SchedulerView.ts";

export interface LeaseExpiryOptions {
  leaseMs: number;
  fencingTimeoutMs: number;
  /** Jobs of a silent node run again elsewhere (`true`) or end Lost. */
  requeue: boolean;
  log: (line: string) => void;
}

/** What one look at the leases changed: jobs to store, then the nodes (other gang members) to tell. */
export interface ExpiredLeases {
  changed: JobRecord[];
  toTell: Set<string>;
}

/**
 * Marks nodes whose lease ran out NotReady (no new work goes there). Their jobs are requeued or failed by policy
 * only once the fencing timeout has passed since the expiry: by then the agent, if it is alive, has stopped them
 * itself (it stops its jobs after that long without contact), so a job never runs twice at once.
 */
export class LeaseExpiry {
  constructor(
    private readonly registry: NodeRegistry,
    private readonly lifecycle: JobLifecycle,
    private readonly mirror: ClusterMirror,
    private readonly feasibility: FleetFeasibility,
    private readonly events: EventEmitter<SchedulerEvents>,
    private readonly options: LeaseExpiryOptions,
  ) {}

  expire(now: number): ExpiredLeases {
    const { requeue, fencingTimeoutMs, leaseMs, log } = this.options;
    const changed: JobRecord[] = [];
    const toTell = new Set<string>();
    for (const node of this.registry.expired((n) => this.lifecycle.activeJobsOn(n.name).length > 0)) {
      const jobs = this.lifecycle.activeJobsOn(node.name);
      if (node.state !== "NotReady" || node.inEngine) {
        this.registry.markLost(node);
        this.mirror.detachNode(node, jobs);
        this.feasibility.fleetChanged();
        log(
          `node ${node.name}: ${node.reason}; its ${jobs.length} job(s) are ${requeue ? "requeued" : "lost"} after the fencing timeout (${fencingTimeoutMs} ms) unless its agent returns`,
        );
        this.events.emit("node", node);
      }
      if (jobs.length === 0 || node.leaseExpiresMs + fencingTimeoutMs > now) continue;
      const silence = `no contact for the lease and the fencing timeout (${leaseMs + fencingTimeoutMs} ms), so its agent has stopped its jobs`;
      // A gang's job waits here until its other members have stopped too: count each job once.
      const lost = jobs.filter((job) => {
        // Other members of a gang stop too (read before the job may be requeued and let go of them).
        const members = gangMemberNodes(job);
        if (!this.lifecycle.lose(job, node.name, silence, requeue)) return false;
        for (const member of members) if (member !== node.name) toTell.add(member);
        return true;
      });
      if (lost.length === 0) continue;
      changed.push(...lost);
      log(
        `node ${node.name}: ${silence}; ${lost.length} job(s) ${requeue ? "requeued" : "lost"} once every member has stopped`,
      );
    }
    return { changed, toTell };
  }
}
