// Original file: proto/tessera/v1/node.proto

import type { GpuObserved as _tessera_v1_GpuObserved, GpuObserved__Output as _tessera_v1_GpuObserved__Output } from '../../tessera/v1/GpuObserved.ts';
import type { JobObserved as _tessera_v1_JobObserved, JobObserved__Output as _tessera_v1_JobObserved__Output } from '../../tessera/v1/JobObserved.ts';
import type { KubeletAllocation as _tessera_v1_KubeletAllocation, KubeletAllocation__Output as _tessera_v1_KubeletAllocation__Output } from '../../tessera/v1/KubeletAllocation.ts';
import type { NodeCapabilities as _tessera_v1_NodeCapabilities, NodeCapabilities__Output as _tessera_v1_NodeCapabilities__Output } from '../../tessera/v1/NodeCapabilities.ts';
import type { Long } from '@grpc/proto-loader';

export interface Report {
  /**
   * The desired-state generation the agent has fully applied.
   */
  'generation'?: (number | string | Long);
  'gpus'?: (_tessera_v1_GpuObserved)[];
  'jobs'?: (_tessera_v1_JobObserved)[];
  /**
   * Reconcile failures, one sentence each, e.g. why a MIG instance could not be destroyed.
   */
  'errors'?: (string)[];
  /**
   * Devices the kubelet allocated to containers through the agent's device plugin and still holds; the scheduler
   * must not place Tessera jobs on them.
   */
  'kubeletAllocations'?: (_tessera_v1_KubeletAllocation)[];
  /**
   * Set when the node's capabilities changed since registration (e.g. the VM runtime probe finished).
   */
  'capabilities'?: (_tessera_v1_NodeCapabilities | null);
  /**
   * A delta carries only what changed since the agent's previous report on this stream: `gpus` holds just the GPUs
   * whose observed state changed (by uuid), and jobs, errors and kubelet_allocations are as before unless their
   * *_changed flag is set (then the field is whole). The first report on a stream is whole, and so is one at least
   * every 30 s. A delta that changes nothing is a heartbeat: the scheduler only renews the node's lease.
   */
  'delta'?: (boolean);
  'jobsChanged'?: (boolean);
  'errorsChanged'?: (boolean);
  'kubeletAllocationsChanged'?: (boolean);
}

export interface Report__Output {
  /**
   * The desired-state generation the agent has fully applied.
   */
  'generation': (number);
  'gpus': (_tessera_v1_GpuObserved__Output)[];
  'jobs': (_tessera_v1_JobObserved__Output)[];
  /**
   * Reconcile failures, one sentence each, e.g. why a MIG instance could not be destroyed.
   */
  'errors': (string)[];
  /**
   * Devices the kubelet allocated to containers through the agent's device plugin and still holds; the scheduler
   * must not place Tessera jobs on them.
   */
  'kubeletAllocations': (_tessera_v1_KubeletAllocation__Output)[];
  /**
   * Set when the node's capabilities changed since registration (e.g. the VM runtime probe finished).
   */
  'capabilities': (_tessera_v1_NodeCapabilities__Output | null);
  /**
   * A delta carries only what changed since the agent's previous report on this stream: `gpus` holds just the GPUs
   * whose observed state changed (by uuid), and jobs, errors and kubelet_allocations are as before unless their
   * *_changed flag is set (then the field is whole). The first report on a stream is whole, and so is one at least
   * every 30 s. A delta that changes nothing is a heartbeat: the scheduler only renews the node's lease.
   */
  'delta': (boolean);
  'jobsChanged': (boolean);
  'errorsChanged': (boolean);
  'kubeletAllocationsChanged': (boolean);
}
