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
}
