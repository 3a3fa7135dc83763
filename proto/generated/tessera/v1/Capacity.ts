// Original file: proto/tessera/v1/capacity.proto

import type { ModelCapacity as _tessera_v1_ModelCapacity, ModelCapacity__Output as _tessera_v1_ModelCapacity__Output } from '../../tessera/v1/ModelCapacity.ts';

export interface Capacity {
  'nodes'?: (number);
  'readyNodes'?: (number);
  'gpus'?: (number);
  'models'?: (_tessera_v1_ModelCapacity)[];
  /**
   * Idle GPU capacity (percent of all free GPU capacity) that sits on partly used GPUs, where a whole-GPU
   * job cannot use it.
   */
  'fragmentationPercent'?: (number | string);
  'pendingJobs'?: (number);
  'runningJobs'?: (number);
}

export interface Capacity__Output {
  'nodes': (number);
  'readyNodes': (number);
  'gpus': (number);
  'models': (_tessera_v1_ModelCapacity__Output)[];
  /**
   * Idle GPU capacity (percent of all free GPU capacity) that sits on partly used GPUs, where a whole-GPU
   * job cannot use it.
   */
  'fragmentationPercent': (number);
  'pendingJobs': (number);
  'runningJobs': (number);
}
