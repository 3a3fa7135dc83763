// Original file: proto/tessera/v1/node.proto

import type { Node as _tessera_v1_Node, Node__Output as _tessera_v1_Node__Output } from '../../tessera/v1/Node.ts';

export interface ListNodesResponse {
  'nodes'?: (_tessera_v1_Node)[];
}

export interface ListNodesResponse__Output {
  'nodes': (_tessera_v1_Node__Output)[];
}
