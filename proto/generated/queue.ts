import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetQuotaRequest as _tessera_v1_GetQuotaRequest, GetQuotaRequest__Output as _tessera_v1_GetQuotaRequest__Output } from './tessera/v1/GetQuotaRequest.ts';
import type { ListQueuesRequest as _tessera_v1_ListQueuesRequest, ListQueuesRequest__Output as _tessera_v1_ListQueuesRequest__Output } from './tessera/v1/ListQueuesRequest.ts';
import type { ListQueuesResponse as _tessera_v1_ListQueuesResponse, ListQueuesResponse__Output as _tessera_v1_ListQueuesResponse__Output } from './tessera/v1/ListQueuesResponse.ts';
import type { PriorityClassInfo as _tessera_v1_PriorityClassInfo, PriorityClassInfo__Output as _tessera_v1_PriorityClassInfo__Output } from './tessera/v1/PriorityClassInfo.ts';
import type { QueueInfo as _tessera_v1_QueueInfo, QueueInfo__Output as _tessera_v1_QueueInfo__Output } from './tessera/v1/QueueInfo.ts';
import type { QueueServiceClient as _tessera_v1_QueueServiceClient, QueueServiceDefinition as _tessera_v1_QueueServiceDefinition } from './tessera/v1/QueueService.ts';
import type { QuotaConfig as _tessera_v1_QuotaConfig, QuotaConfig__Output as _tessera_v1_QuotaConfig__Output } from './tessera/v1/QuotaConfig.ts';
import type { ReloadQuotaRequest as _tessera_v1_ReloadQuotaRequest, ReloadQuotaRequest__Output as _tessera_v1_ReloadQuotaRequest__Output } from './tessera/v1/ReloadQuotaRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      GetQuotaRequest: MessageTypeDefinition<_tessera_v1_GetQuotaRequest, _tessera_v1_GetQuotaRequest__Output>
      ListQueuesRequest: MessageTypeDefinition<_tessera_v1_ListQueuesRequest, _tessera_v1_ListQueuesRequest__Output>
      ListQueuesResponse: MessageTypeDefinition<_tessera_v1_ListQueuesResponse, _tessera_v1_ListQueuesResponse__Output>
      PriorityClassInfo: MessageTypeDefinition<_tessera_v1_PriorityClassInfo, _tessera_v1_PriorityClassInfo__Output>
      QueueInfo: MessageTypeDefinition<_tessera_v1_QueueInfo, _tessera_v1_QueueInfo__Output>
      /**
       * Multi-tenant queues: usage against quotas, and the queue config (`tessera scheduler --queues FILE`).
       */
      QueueService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_QueueServiceClient> & { service: _tessera_v1_QueueServiceDefinition }
      QuotaConfig: MessageTypeDefinition<_tessera_v1_QuotaConfig, _tessera_v1_QuotaConfig__Output>
      ReloadQuotaRequest: MessageTypeDefinition<_tessera_v1_ReloadQuotaRequest, _tessera_v1_ReloadQuotaRequest__Output>
    }
  }
}

