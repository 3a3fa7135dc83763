// Original file: proto/tessera/v1/node.proto

import type { AssignedSlice as _tessera_v1_AssignedSlice, AssignedSlice__Output as _tessera_v1_AssignedSlice__Output } from '../../tessera/v1/AssignedSlice.ts';
import type { AssignedMount as _tessera_v1_AssignedMount, AssignedMount__Output as _tessera_v1_AssignedMount__Output } from '../../tessera/v1/AssignedMount.ts';

/**
 * A job the node must be running. A job missing from the list must not run: the agent kills its process group.
 */
export interface Assignment {
  'jobId'?: (string);
  'attempt'?: (number);
  'command'?: (string)[];
  'env'?: ({[key: string]: string});
  'workdir'?: (string);
  'slices'?: (_tessera_v1_AssignedSlice)[];
  /**
   * JobSpec.image and .mounts: non-empty, the agent runs the command in a container of this image.
   */
  'image'?: (string);
  'mounts'?: (_tessera_v1_AssignedMount)[];
}

/**
 * A job the node must be running. A job missing from the list must not run: the agent kills its process group.
 */
export interface Assignment__Output {
  'jobId': (string);
  'attempt': (number);
  'command': (string)[];
  'env': ({[key: string]: string});
  'workdir': (string);
  'slices': (_tessera_v1_AssignedSlice__Output)[];
  /**
   * JobSpec.image and .mounts: non-empty, the agent runs the command in a container of this image.
   */
  'image': (string);
  'mounts': (_tessera_v1_AssignedMount__Output)[];
}
