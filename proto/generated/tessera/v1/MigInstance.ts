// Original file: proto/tessera/v1/node.proto


/**
 * A MIG instance as the agent observed it.
 */
export interface MigInstance {
  'profile'?: (string);
  'start'?: (number);
  'size'?: (number);
  'gpuInstanceId'?: (number);
  'computeInstanceId'?: (number);
  'uuid'?: (string);
  /**
   * PIDs NVML reports running on this instance.
   */
  'pids'?: (number)[];
  /**
   * Frame-buffer memory used by the processes on this instance.
   */
  'memoryUsedMib'?: (number);
}

/**
 * A MIG instance as the agent observed it.
 */
export interface MigInstance__Output {
  'profile': (string);
  'start': (number);
  'size': (number);
  'gpuInstanceId': (number);
  'computeInstanceId': (number);
  'uuid': (string);
  /**
   * PIDs NVML reports running on this instance.
   */
  'pids': (number)[];
  /**
   * Frame-buffer memory used by the processes on this instance.
   */
  'memoryUsedMib': (number);
}
