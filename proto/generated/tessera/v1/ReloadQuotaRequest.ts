// Original file: proto/tessera/v1/queue.proto


export interface ReloadQuotaRequest {
}

export interface ReloadQuotaRequest__Output {
}
