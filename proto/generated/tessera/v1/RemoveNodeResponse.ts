// Original file: proto/tessera/v1/node.proto

import type { Node as _tessera_v1_Node, Node__Output as _tessera_v1_Node__Output } from '../../tessera/v1/Node.ts';

export interface RemoveNodeResponse {
  /**
   * The node as it was when it was removed.
   */
  'node'?: (_tessera_v1_Node | null);
}

export interface RemoveNodeResponse__Output {
  /**
   * The node as it was when it was removed.
   */
  'node': (_tessera_v1_Node__Output | null);
}
