// Original file: proto/tessera/v1/node.proto

import type { GpuInventory as _tessera_v1_GpuInventory, GpuInventory__Output as _tessera_v1_GpuInventory__Output } from '../../tessera/v1/GpuInventory.ts';
import type { GpuObserved as _tessera_v1_GpuObserved, GpuObserved__Output as _tessera_v1_GpuObserved__Output } from '../../tessera/v1/GpuObserved.ts';
import type { JobObserved as _tessera_v1_JobObserved, JobObserved__Output as _tessera_v1_JobObserved__Output } from '../../tessera/v1/JobObserved.ts';
import type { NodeCapabilities as _tessera_v1_NodeCapabilities, NodeCapabilities__Output as _tessera_v1_NodeCapabilities__Output } from '../../tessera/v1/NodeCapabilities.ts';
import type { Long } from '@grpc/proto-loader';

export interface Register {
  'node'?: (string);
  'labels'?: ({[key: string]: string});
  'gpus'?: (_tessera_v1_GpuInventory)[];
  'cpuMillis'?: (number);
  'memoryMib'?: (number);
  /**
   * The last desired-state generation this agent reached (0 for a fresh agent). Lower than the scheduler's
   * means the agent is fenced: it must converge to the desired state it receives before anything else.
   */
  'generation'?: (number | string | Long);
  'agentVersion'?: (string);
  /**
   * What the GPUs hold right now (MIG instances and processes), so a restarted scheduler can rebuild its view.
   */
  'observed'?: (_tessera_v1_GpuObserved)[];
  /**
   * The jobs the executor knows about (running, or finished and not yet acknowledged).
   */
  'jobs'?: (_tessera_v1_JobObserved)[];
  /**
   * What this node can run, as far as it knows at registration (slow probes may still be running: see
   * NodeCapabilities.probed; the agent sends the final set in a later Report).
   */
  'capabilities'?: (_tessera_v1_NodeCapabilities | null);
  /**
   * The address other nodes reach this one at (a gang's rank 0 is MASTER_ADDR); empty when unknown.
   */
  'address'?: (string);
}

export interface Register__Output {
  'node': (string);
  'labels': ({[key: string]: string});
  'gpus': (_tessera_v1_GpuInventory__Output)[];
  'cpuMillis': (number);
  'memoryMib': (number);
  /**
   * The last desired-state generation this agent reached (0 for a fresh agent). Lower than the scheduler's
   * means the agent is fenced: it must converge to the desired state it receives before anything else.
   */
  'generation': (number);
  'agentVersion': (string);
  /**
   * What the GPUs hold right now (MIG instances and processes), so a restarted scheduler can rebuild its view.
   */
  'observed': (_tessera_v1_GpuObserved__Output)[];
  /**
   * The jobs the executor knows about (running, or finished and not yet acknowledged).
   */
  'jobs': (_tessera_v1_JobObserved__Output)[];
  /**
   * What this node can run, as far as it knows at registration (slow probes may still be running: see
   * NodeCapabilities.probed; the agent sends the final set in a later Report).
   */
  'capabilities': (_tessera_v1_NodeCapabilities__Output | null);
  /**
   * The address other nodes reach this one at (a gang's rank 0 is MASTER_ADDR); empty when unknown.
   */
  'address': (string);
}
