// Original file: proto/tessera/v1/node.proto


/**
 * JobSpec's ContainerMount as the agent gets it (node.proto stands alone: it imports no other file).
 */
export interface AssignedMount {
  'source'?: (string);
  'target'?: (string);
  'readOnly'?: (boolean);
}

/**
 * JobSpec's ContainerMount as the agent gets it (node.proto stands alone: it imports no other file).
 */
export interface AssignedMount__Output {
  'source': (string);
  'target': (string);
  'readOnly': (boolean);
}
