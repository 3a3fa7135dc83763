// Original file: proto/tessera/v1/queue.proto


export interface ListQueuesRequest {
}

export interface ListQueuesRequest__Output {
}
