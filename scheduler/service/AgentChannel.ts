import type { AgentLogChunk__Output } from "../../proto/generated/tessera/v1/AgentLogChunk.ts";
import type { Assignment } from "../../proto/generated/tessera/v1/Assignment.ts";
import type { GpuDesired } from "../../proto/generated/tessera/v1/GpuDesired.ts";
import type { JobStop } from "../../proto/generated/tessera/v1/JobStop.ts";
import { vmAssignmentEnv } from "../../proto/tessera/VmJobWire.ts";
import type { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { gangMasterPort, gangMemberEnv } from "./GangEnvironment.ts";
import { gangMemberNodes, memberEnded } from "./GangMembers.ts";
import type { JobLifecycle } from "./JobLifecycle.ts";
import type { AgentSession, NodeRecord } from "./NodeRecord.ts";
import { ServiceError } from "./ServiceError.ts";

interface LogStream {
  node: string;
  onChunk(data: Buffer): void;
  onEnd(error?: string): void;
}

/**
 * The scheduler's side of the agent stream protocol: each node's whole desired state under a new generation
 * (level-triggered, so a lost message is harmless), and job logs streamed from the agents.
 */
export class AgentChannel {
  /** Log streams waiting on agents, by request id. */
  private readonly logStreams = new Map<number, LogStream>();
  private logSeq = 0;

  constructor(
    private readonly engine: PlacementEngine,
    private readonly jobs: JobLifecycle,
    private readonly timing: { heartbeatMs: number; leaseMs: number; fencingTimeoutMs: number },
    /** A node's address as its agent reported it ("" when unknown). */
    private readonly addressOf: (nodeName: string) => string,
    /** The GPU layouts to send a node (the engine's, but a layout change that failed is kept until applied). */
    private readonly layoutsOf: (nodeName: string) => GpuDesired[],
  ) {}

  /** Sends a node its whole desired state under a new generation; returns that generation. */
  pushDesired(node: NodeRecord): number {
    if (!node.session || !node.inEngine) return node.generation;
    const engineNode = this.engine.node(node.name);
    if (!engineNode) return node.generation;
    node.generation++;
    const assignments: Assignment[] = [];
    const stops: JobStop[] = [];
    for (const job of this.jobs.activeJobsOn(node.name)) {
      if (job.stop) {
        // From this generation on, the agent's desired state no longer holds the job.
        this.jobs.stopSent(job, node.name, node.generation);
        if (job.stop.graceSeconds !== undefined) {
          stops.push({ jobId: job.id, attempt: job.attempt, graceSeconds: job.stop.graceSeconds });
        }
        continue;
      }
      // A gang member that ended waits for the others without its assignment, so it never starts again.
      if (memberEnded(job, node.name)) continue;
      assignments.push(assignment(job, node.name, this.addressOf));
    }
    node.session.send({
      desired: {
        generation: node.generation,
        gpus: this.layoutsOf(node.name),
        assignments,
        heartbeatMs: this.timing.heartbeatMs,
        leaseMs: this.timing.leaseMs,
        stops,
        fencingTimeoutMs: this.timing.fencingTimeoutMs,
      },
    });
    return node.generation;
  }

  /**
   * Streams a job's log from the agent of `node`: `onChunk` per piece, then `onEnd` (with a reason when it ended
   * early). Returns a function that stops it.
   */
  openLog(
    job: JobRecord,
    node: NodeRecord | undefined,
    nodeName: string,
    follow: boolean,
    onChunk: (data: Buffer) => void,
    onEnd: (error?: string) => void,
  ): () => void {
    const session: AgentSession | undefined = node?.session;
    if (!session) {
      throw ServiceError.precondition(
        `the log of job ${job.id} is on node ${nodeName}, whose agent is not connected (${node?.state ?? "unknown node"}); ` +
          `on that node it is ${job.logPath || "in the agent's data directory"}`,
      );
    }
    const requestId = ++this.logSeq;
    this.logStreams.set(requestId, { node: nodeName, onChunk, onEnd });
    session.send({ logRequest: { requestId, jobId: job.id, attempt: job.attempt, offset: 0, follow } });
    return () => {
      if (this.logStreams.delete(requestId)) session.send({ logRequest: { requestId, cancel: true } });
    };
  }

  /** A piece of a log an agent sent for `openLog`, from the node's current session. */
  logChunk(nodeName: string, chunk: AgentLogChunk__Output): void {
    const stream = this.logStreams.get(chunk.requestId);
    if (!stream || stream.node !== nodeName) return;
    if (chunk.data.length > 0) stream.onChunk(chunk.data);
    if (chunk.eof) {
      this.logStreams.delete(chunk.requestId);
      stream.onEnd(chunk.error || undefined);
    }
  }

  /** Ends the log streams of a node whose agent went away. */
  endLogsOf(nodeName: string): void {
    for (const [id, stream] of this.logStreams) {
      if (stream.node !== nodeName) continue;
      this.logStreams.delete(id);
      stream.onEnd(`the agent of node ${nodeName} disconnected`);
    }
  }
}

/** A job's piece of a node's desired state: what to run and on which slices of that node. */
function assignment(job: JobRecord, nodeName: string, addressOf: (nodeName: string) => string): Assignment {
  const env = job.spec.kind === "vm" ? vmAssignmentEnv(job.spec.env, job.spec.request) : job.spec.env;
  return {
    jobId: job.id,
    attempt: job.attempt,
    command: job.spec.command,
    env: job.spec.request.shape.kind === "gang" ? { ...env, ...gangEnv(job, nodeName, addressOf) } : env,
    workdir: job.spec.workdir,
    image: job.spec.container?.image ?? "",
    mounts: job.spec.container?.mounts ?? [],
    slices: job.allocations
      .filter((a) => a.node === nodeName && a.kind !== "none")
      .map((a) => ({
        gpuUuid: a.gpuUuid,
        kind: a.kind,
        migProfile: a.migProfile,
        migStart: a.migStart,
        shareMilli: a.shareMilli,
        shareMemoryMib: a.shareMemoryMiB,
      })),
  };
}

/** A gang member's rank, world size and rendezvous (rank 0's node address, a port chosen for this attempt). */
function gangEnv(
  job: JobRecord,
  nodeName: string,
  addressOf: (nodeName: string) => string,
): Record<string, string> {
  const memberNodes = gangMemberNodes(job);
  const first = memberNodes[0] ?? nodeName;
  return gangMemberEnv(
    {
      memberNodes,
      masterAddress: addressOf(first) || first,
      masterPort: gangMasterPort(job.id, job.attempt),
    },
    memberNodes.indexOf(nodeName),
  );
}
