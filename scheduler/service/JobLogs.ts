import type { JobRecord } from "../store/JobRecord.ts";
import type { AgentChannel } from "./AgentChannel.ts";
import { type OpenMemberLog, openGangLog } from "./GangLog.ts";
import { gangMemberNodes, isGang } from "./GangMembers.ts";
import { activeJobStates, type JobLifecycle } from "./JobLifecycle.ts";
import type { NodeRegistry } from "./NodeRegistry.ts";
import { ServiceError } from "./ServiceError.ts";

/** Where a job's output is read from: the agent of its node, or every member's agent for a gang. */
export class JobLogs {
  constructor(
    private readonly lifecycle: JobLifecycle,
    private readonly registry: NodeRegistry,
    private readonly channel: AgentChannel,
  ) {}

  /**
   * Streams a job's log: `onChunk` per piece, then `onEnd` (with a reason when it ended early). A gang's log is
   * every member's, each line prefixed with its rank; `rank` asks for one member's as it is. Returns a function
   * that stops it.
   */
  open(
    id: string,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank?: number,
  ): () => void {
    const job = this.lifecycle.require(id);
    if (isGang(job)) return this.openGang(job, follow, onChunk, onEnd, rank);
    if (rank !== undefined && rank !== 0) {
      throw ServiceError.invalid(`job ${id} is not a gang: it has rank 0 only; leave out the rank`);
    }
    const nodeName = job.logNode || (activeJobStates.has(job.state) ? (job.allocations[0]?.node ?? "") : "");
    if (!nodeName || job.attempt === 0) {
      throw ServiceError.precondition(`job ${id} has no output yet (${job.state}: ${job.reason})`);
    }
    return this.channel.openLog(job, this.registry.get(nodeName), nodeName, follow, onChunk, onEnd);
  }

  private openGang(
    job: JobRecord,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
    rank: number | undefined,
  ): () => void {
    const size = job.spec.request.shape.kind === "gang" ? job.spec.request.shape.nodes : 1;
    if (rank !== undefined && rank >= size) {
      throw ServiceError.invalid(`job ${job.id} is a gang of ${size}: its ranks are 0..${size - 1}`);
    }
    const nodes = gangMemberNodes(job);
    if (nodes.length === 0 || job.attempt === 0) {
      throw ServiceError.precondition(`job ${job.id} has no output yet (${job.state}: ${job.reason})`);
    }
    const openMember: OpenMemberLog = (node, chunk, end) =>
      this.channel.openLog(job, this.registry.get(node), node, follow, chunk, end);
    if (rank !== undefined) return openMember(nodes[rank]!, onChunk, onEnd);
    return openGangLog(
      nodes.map((node, r) => ({ rank: r, node })),
      openMember,
      onChunk,
      onEnd,
    );
  }
}
