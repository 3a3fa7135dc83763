// Original file: proto/tessera/v1/node.proto


/**
 * A slice given to an assignment, on this node.
 */
export interface AssignedSlice {
  'gpuUuid'?: (string);
  /**
   * `mig`, `share` or `whole`.
   */
  'kind'?: (string);
  'migProfile'?: (string);
  'migStart'?: (number);
  'shareMilli'?: (number);
  'shareMemoryMib'?: (number);
}

/**
 * A slice given to an assignment, on this node.
 */
export interface AssignedSlice__Output {
  'gpuUuid': (string);
  /**
   * `mig`, `share` or `whole`.
   */
  'kind': (string);
  'migProfile': (string);
  'migStart': (number);
  'shareMilli': (number);
  'shareMemoryMib': (number);
}
