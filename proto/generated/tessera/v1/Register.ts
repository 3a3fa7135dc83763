// Original file: proto/tessera/v1/node.proto

import type { GpuInventory as _tessera_v1_GpuInventory, GpuInventory__Output as _tessera_v1_GpuInventory__Output } from '../../tessera/v1/GpuInventory.ts';
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
}
