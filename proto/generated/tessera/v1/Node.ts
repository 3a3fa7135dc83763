// Original file: proto/tessera/v1/node.proto

import type { GpuInventory as _tessera_v1_GpuInventory, GpuInventory__Output as _tessera_v1_GpuInventory__Output } from '../../tessera/v1/GpuInventory.ts';
import type { GpuObserved as _tessera_v1_GpuObserved, GpuObserved__Output as _tessera_v1_GpuObserved__Output } from '../../tessera/v1/GpuObserved.ts';
import type { NodeLease as _tessera_v1_NodeLease, NodeLease__Output as _tessera_v1_NodeLease__Output } from '../../tessera/v1/NodeLease.ts';
import type { NodeCapabilities as _tessera_v1_NodeCapabilities, NodeCapabilities__Output as _tessera_v1_NodeCapabilities__Output } from '../../tessera/v1/NodeCapabilities.ts';
import type { Long } from '@grpc/proto-loader';

export interface Node {
  'name'?: (string);
  /**
   * Ready, NotReady or Draining.
   */
  'state'?: (string);
  'labels'?: ({[key: string]: string});
  'gpus'?: (_tessera_v1_GpuInventory)[];
  'observed'?: (_tessera_v1_GpuObserved)[];
  /**
   * Desired generation sent to the agent and the generation it reported reaching.
   */
  'generation'?: (number | string | Long);
  'generationReached'?: (number | string | Long);
  'lease'?: (_tessera_v1_NodeLease | null);
  'errors'?: (string)[];
  'cpuMillis'?: (number);
  'memoryMib'?: (number);
  'capabilities'?: (_tessera_v1_NodeCapabilities | null);
  'address'?: (string);
}

export interface Node__Output {
  'name': (string);
  /**
   * Ready, NotReady or Draining.
   */
  'state': (string);
  'labels': ({[key: string]: string});
  'gpus': (_tessera_v1_GpuInventory__Output)[];
  'observed': (_tessera_v1_GpuObserved__Output)[];
  /**
   * Desired generation sent to the agent and the generation it reported reaching.
   */
  'generation': (number);
  'generationReached': (number);
  'lease': (_tessera_v1_NodeLease__Output | null);
  'errors': (string)[];
  'cpuMillis': (number);
  'memoryMib': (number);
  'capabilities': (_tessera_v1_NodeCapabilities__Output | null);
  'address': (string);
}
