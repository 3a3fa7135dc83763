// Original file: proto/tessera/v1/node.proto

import type { MigInstance as _tessera_v1_MigInstance, MigInstance__Output as _tessera_v1_MigInstance__Output } from '../../tessera/v1/MigInstance.ts';

export interface GpuObserved {
  'uuid'?: (string);
  'migEnabled'?: (boolean);
  'instances'?: (_tessera_v1_MigInstance)[];
  'utilizationPercent'?: (number);
  'memoryUsedMib'?: (number);
  /**
   * `ok`, or what is wrong (e.g. `xid 79: fallen off the bus`).
   */
  'health'?: (string);
  /**
   * PIDs on the whole GPU (outside MIG instances).
   */
  'pids'?: (number)[];
  /**
   * NVML has no utilization for MIG-enabled GPUs; then utilization_percent means nothing.
   */
  'utilizationUnsupported'?: (boolean);
  /**
   * GPU temperature (°C) and power draw (mW); 0 where NVML does not report them.
   */
  'temperatureC'?: (number);
  'powerMw'?: (number);
  /**
   * Why the GPU could not be given the layout of the agent's latest desired state (e.g. a process holds an
   * instance that had to go); empty once it has it. The scheduler places nothing new on it until then.
   */
  'layoutError'?: (string);
}

export interface GpuObserved__Output {
  'uuid': (string);
  'migEnabled': (boolean);
  'instances': (_tessera_v1_MigInstance__Output)[];
  'utilizationPercent': (number);
  'memoryUsedMib': (number);
  /**
   * `ok`, or what is wrong (e.g. `xid 79: fallen off the bus`).
   */
  'health': (string);
  /**
   * PIDs on the whole GPU (outside MIG instances).
   */
  'pids': (number)[];
  /**
   * NVML has no utilization for MIG-enabled GPUs; then utilization_percent means nothing.
   */
  'utilizationUnsupported': (boolean);
  /**
   * GPU temperature (°C) and power draw (mW); 0 where NVML does not report them.
   */
  'temperatureC': (number);
  'powerMw': (number);
  /**
   * Why the GPU could not be given the layout of the agent's latest desired state (e.g. a process holds an
   * instance that had to go); empty once it has it. The scheduler places nothing new on it until then.
   */
  'layoutError': (string);
}
