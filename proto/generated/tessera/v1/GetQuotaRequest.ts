// Original file: proto/tessera/v1/queue.proto


export interface GetQuotaRequest {
}

export interface GetQuotaRequest__Output {
}
