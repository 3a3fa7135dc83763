import type { GpuInventory__Output } from "../../proto/generated/tessera/v1/GpuInventory.ts";
import type { GpuObserved__Output } from "../../proto/generated/tessera/v1/GpuObserved.ts";
import type { KubeletAllocation__Output } from "../../proto/generated/tessera/v1/KubeletAllocation.ts";
import type { NodeCapabilities__Output } from "../../proto/generated/tessera/v1/NodeCapabilities.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import type { SchedulerMessage } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";

export type NodeReadiness = "Ready" | "NotReady" | "Draining";

/** The open stream to a node's agent; a newer connection of the same node replaces it. */
export interface AgentSession {
  id: number;
  send(message: SchedulerMessage): void;
  close(): void;
  /** The last report on this stream, whole (deltas applied): what the agent's next delta builds on. */
  lastReport?: Report__Output;
}

/** What the scheduler knows of one node. */
export interface NodeRecord {
  name: string;
  state: NodeReadiness;
  /** Why the node is in its state, e.g. why it is NotReady. */
  reason: string;
  labels: Record<string, string>;
  cpuMillis: number;
  memoryMiB: number;
  gpus: GpuInventory__Output[];
  observed: GpuObserved__Output[];
  /** Generation of the last desired state sent, and the one the agent last reported reaching. */
  generation: number;
  generationReached: number;
  leaseRenewedMs: number;
  leaseExpiresMs: number;
  errors: string[];
  session: AgentSession | undefined;
  /** True while the node is part of the placement engine's cluster. */
  inEngine: boolean;
  /** The address other nodes reach this one at, as its agent reported it (a gang's MASTER_ADDR); "" if unknown. */
  address?: string;
  /** What the agent said the node can run (VM runtimes, MPS, containers); absent from older agents. */
  capabilities?: NodeCapabilities__Output | undefined;
  /** Devices pods hold through the node's device plugin; the engine counts them as taken. */
  kubeletAllocations?: KubeletAllocation__Output[];
}
