// Original file: proto/tessera/v1/job.proto

import type { MigRequest as _tessera_v1_MigRequest, MigRequest__Output as _tessera_v1_MigRequest__Output } from '../../tessera/v1/MigRequest.ts';
import type { SliceRequest as _tessera_v1_SliceRequest, SliceRequest__Output as _tessera_v1_SliceRequest__Output } from '../../tessera/v1/SliceRequest.ts';
import type { ShareRequest as _tessera_v1_ShareRequest, ShareRequest__Output as _tessera_v1_ShareRequest__Output } from '../../tessera/v1/ShareRequest.ts';
import type { WholeRequest as _tessera_v1_WholeRequest, WholeRequest__Output as _tessera_v1_WholeRequest__Output } from '../../tessera/v1/WholeRequest.ts';
import type { GangRequest as _tessera_v1_GangRequest, GangRequest__Output as _tessera_v1_GangRequest__Output } from '../../tessera/v1/GangRequest.ts';
import type { NoGpuRequest as _tessera_v1_NoGpuRequest, NoGpuRequest__Output as _tessera_v1_NoGpuRequest__Output } from '../../tessera/v1/NoGpuRequest.ts';

/**
 * What a job asks for: exactly one shape, plus optional constraints.
 */
export interface ResourceRequest {
  'mig'?: (_tessera_v1_MigRequest | null);
  'slice'?: (_tessera_v1_SliceRequest | null);
  'share'?: (_tessera_v1_ShareRequest | null);
  'whole'?: (_tessera_v1_WholeRequest | null);
  'gang'?: (_tessera_v1_GangRequest | null);
  'noGpu'?: (_tessera_v1_NoGpuRequest | null);
  /**
   * Allowed GPU models by catalog id (e.g. `H100-SXM5-80GB`); empty allows every model.
   */
  'models'?: (string)[];
  /**
   * CPU in millicores and host memory in MiB per node; 0 asks for none.
   */
  'cpuMillis'?: (number);
  'memoryMib'?: (number);
  'shape'?: "mig"|"slice"|"share"|"whole"|"gang"|"noGpu";
}

/**
 * What a job asks for: exactly one shape, plus optional constraints.
 */
export interface ResourceRequest__Output {
  'mig'?: (_tessera_v1_MigRequest__Output | null);
  'slice'?: (_tessera_v1_SliceRequest__Output | null);
  'share'?: (_tessera_v1_ShareRequest__Output | null);
  'whole'?: (_tessera_v1_WholeRequest__Output | null);
  'gang'?: (_tessera_v1_GangRequest__Output | null);
  'noGpu'?: (_tessera_v1_NoGpuRequest__Output | null);
  /**
   * Allowed GPU models by catalog id (e.g. `H100-SXM5-80GB`); empty allows every model.
   */
  'models': (string)[];
  /**
   * CPU in millicores and host memory in MiB per node; 0 asks for none.
   */
  'cpuMillis': (number);
  'memoryMib': (number);
  'shape'?: "mig"|"slice"|"share"|"whole"|"gang"|"noGpu";
}
