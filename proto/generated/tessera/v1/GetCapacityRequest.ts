// Original file: proto/tessera/v1/capacity.proto


export interface GetCapacityRequest {
}

export interface GetCapacityRequest__Output {
}
