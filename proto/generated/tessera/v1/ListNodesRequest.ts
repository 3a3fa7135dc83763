// Original file: proto/tessera/v1/node.proto


export interface ListNodesRequest {
}

export interface ListNodesRequest__Output {
}
