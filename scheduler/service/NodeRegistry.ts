import type { Register__Output } from "../../proto/generated/tessera/v1/Register.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import type { AgentSession, NodeRecord } from "./NodeRecord.ts";
import type { Clock } from "./TimerSource.ts";

/**
 * The fleet's inventory: every node the scheduler knows, its agent session, what the agent reported, and its
 * lease. A node whose lease runs out is NotReady until its agent registers again.
 */
export class NodeRegistry {
  private readonly byName = new Map<string, NodeRecord>();
  private sessionSeq = 0;

  constructor(
    private readonly clock: Clock,
    private readonly leaseMs: number,
    private readonly log: (line: string) => void,
  ) {}

  all(): Iterable<NodeRecord> {
    return this.byName.values();
  }

  get(name: string): NodeRecord | undefined {
    return this.byName.get(name);
  }

  get size(): number {
    return this.byName.size;
  }

  /** The node's record; a node not seen yet is a NotReady placeholder until its agent registers. */
  placeholder(name: string): NodeRecord {
    let node = this.byName.get(name);
    if (node) return node;
    const now = this.clock();
    node = {
      name,
      state: "NotReady",
      reason: "waiting for its agent to register",
      labels: {},
      cpuMillis: 0,
      memoryMiB: 0,
      gpus: [],
      observed: [],
      generation: 0,
      generationReached: 0,
      leaseRenewedMs: now,
      leaseExpiresMs: now + this.leaseMs,
      errors: [],
      session: undefined,
      inEngine: false,
    };
    this.byName.set(name, node);
    return node;
  }

  /** A new agent stream: replaces the node's previous session and takes its inventory. */
  register(
    msg: Register__Output,
    connection: Omit<AgentSession, "id">,
  ): { node: NodeRecord; session: AgentSession } {
    const session: AgentSession = { ...connection, id: ++this.sessionSeq };
    const node = this.placeholder(msg.node);
    node.session?.close();
    if (msg.generation < node.generation) {
      this.log(`node ${msg.node}: agent at generation ${msg.generation} < ${node.generation}: fenced`);
    }
    node.session = session;
    node.labels = msg.labels;
    node.cpuMillis = msg.cpuMillis;
    node.memoryMiB = msg.memoryMib;
    node.gpus = msg.gpus;
    node.observed = msg.observed;
    node.capabilities = msg.capabilities ?? undefined;
    node.address = msg.address;
    node.generation = Math.max(node.generation, msg.generation);
    node.generationReached = msg.generation;
    node.state = "Ready";
    node.reason = "agent connected";
    this.renew(node);
    return { node, session };
  }

  /** The node of a report from its current session; undefined for a replaced stream's (fenced by session). */
  current(nodeName: string, sessionId: number): NodeRecord | undefined {
    const node = this.byName.get(nodeName);
    return node && node.session?.id === sessionId ? node : undefined;
  }

  /** Takes what a report observed and renews the lease. */
  observe(node: NodeRecord, msg: Report__Output): void {
    this.renew(node);
    node.observed = msg.gpus;
    node.generationReached = msg.generation;
    node.errors = msg.errors;
    if (msg.capabilities) node.capabilities = msg.capabilities;
  }

  disconnected(node: NodeRecord): void {
    node.session = undefined;
    node.reason = "agent stream closed; waiting for it to reconnect before the lease expires";
  }

  /** Nodes whose lease ran out by now and that still need to be marked NotReady or cleared out. */
  expired(holdsWork: (node: NodeRecord) => boolean): NodeRecord[] {
    const now = this.clock();
    return [...this.byName.values()].filter(
      (node) => node.leaseExpiresMs <= now && (node.state !== "NotReady" || node.inEngine || holdsWork(node)),
    );
  }

  /** Marks a node whose lease expired NotReady and closes its stream. */
  markLost(node: NodeRecord): void {
    const expiredAt = new Date(node.leaseExpiresMs).toISOString();
    node.state = "NotReady";
    node.reason = `lease expired at ${expiredAt}: no report for ${this.leaseMs} ms`;
    node.session?.close();
    node.session = undefined;
  }

  /** Forgets a node (its agent gone, no job on it); a later registration brings it back. */
  remove(node: NodeRecord): void {
    node.session?.close();
    this.byName.delete(node.name);
  }

  /** Nodes whose agent has been away (no stream, lease run out) for at least `forMs`. */
  departed(forMs: number): NodeRecord[] {
    const now = this.clock();
    return [...this.byName.values()].filter(
      (node) => !node.session && node.state === "NotReady" && node.leaseExpiresMs + forMs <= now,
    );
  }

  /** Renews the lease of a node whose agent is alive (a heartbeat that changed nothing). */
  renew(node: NodeRecord): void {
    const now = this.clock();
    node.leaseRenewedMs = now;
    node.leaseExpiresMs = now + this.leaseMs;
  }
}
