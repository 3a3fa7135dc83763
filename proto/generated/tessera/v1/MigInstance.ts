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
  /**
   * The MIG device's index in nvmlDeviceGetMigDeviceHandleByIndex (slots may have gaps): NVIDIA's container
   * toolkit names the device `GPU:index` in CDI (`nvidia.com/gpu=0:1`). Unset without a compute instance.
   */
  'migDeviceIndex'?: (number);
  '_migDeviceIndex'?: "migDeviceIndex";
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
  /**
   * The MIG device's index in nvmlDeviceGetMigDeviceHandleByIndex (slots may have gaps): NVIDIA's container
   * toolkit names the device `GPU:index` in CDI (`nvidia.com/gpu=0:1`). Unset without a compute instance.
   */
  'migDeviceIndex'?: (number);
  '_migDeviceIndex'?: "migDeviceIndex";
}
