// Original file: proto/tessera/v1/node.proto


export interface RemoveNodeRequest {
  'name'?: (string);
}

export interface RemoveNodeRequest__Output {
  'name': (string);
}
