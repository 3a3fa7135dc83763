// Original file: proto/tessera/v1/queue.proto

import type { QueueInfo as _tessera_v1_QueueInfo, QueueInfo__Output as _tessera_v1_QueueInfo__Output } from '../../tessera/v1/QueueInfo.ts';

export interface ListQueuesResponse {
  'queues'?: (_tessera_v1_QueueInfo)[];
}

export interface ListQueuesResponse__Output {
  'queues': (_tessera_v1_QueueInfo__Output)[];
}
