// Original file: proto/tessera/v1/cluster.proto


export interface GetClusterStatusRequest {
}

export interface GetClusterStatusRequest__Output {
}
