// Original file: proto/tessera/v1/queue.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetQuotaRequest as _tessera_v1_GetQuotaRequest, GetQuotaRequest__Output as _tessera_v1_GetQuotaRequest__Output } from '../../tessera/v1/GetQuotaRequest.ts';
import type { ListQueuesRequest as _tessera_v1_ListQueuesRequest, ListQueuesRequest__Output as _tessera_v1_ListQueuesRequest__Output } from '../../tessera/v1/ListQueuesRequest.ts';
import type { ListQueuesResponse as _tessera_v1_ListQueuesResponse, ListQueuesResponse__Output as _tessera_v1_ListQueuesResponse__Output } from '../../tessera/v1/ListQueuesResponse.ts';
import type { QuotaConfig as _tessera_v1_QuotaConfig, QuotaConfig__Output as _tessera_v1_QuotaConfig__Output } from '../../tessera/v1/QuotaConfig.ts';
import type { ReloadQuotaRequest as _tessera_v1_ReloadQuotaRequest, ReloadQuotaRequest__Output as _tessera_v1_ReloadQuotaRequest__Output } from '../../tessera/v1/ReloadQuotaRequest.ts';

/**
 * Multi-tenant queues: usage against quotas, and the queue config (`tessera scheduler --queues FILE`).
 */
export interface QueueServiceClient extends grpc.Client {
  /**
   * The queue config in force.
   */
  GetQuota(argument: _tessera_v1_GetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _tessera_v1_GetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _tessera_v1_GetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  GetQuota(argument: _tessera_v1_GetQuotaRequest, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  /**
   * The queue config in force.
   */
  getQuota(argument: _tessera_v1_GetQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _tessera_v1_GetQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _tessera_v1_GetQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  getQuota(argument: _tessera_v1_GetQuotaRequest, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  
  /**
   * Usage, quota, borrowed capacity and pending jobs per queue.
   */
  ListQueues(argument: _tessera_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _tessera_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _tessera_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  ListQueues(argument: _tessera_v1_ListQueuesRequest, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Usage, quota, borrowed capacity and pending jobs per queue.
   */
  listQueues(argument: _tessera_v1_ListQueuesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _tessera_v1_ListQueuesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _tessera_v1_ListQueuesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  listQueues(argument: _tessera_v1_ListQueuesRequest, callback: grpc.requestCallback<_tessera_v1_ListQueuesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Re-reads the --queues file. An invalid file is refused as a whole (INVALID_ARGUMENT with every line and
   * reason) and the config in force stays.
   */
  ReloadQuota(argument: _tessera_v1_ReloadQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  ReloadQuota(argument: _tessera_v1_ReloadQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  ReloadQuota(argument: _tessera_v1_ReloadQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  ReloadQuota(argument: _tessera_v1_ReloadQuotaRequest, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  /**
   * Re-reads the --queues file. An invalid file is refused as a whole (INVALID_ARGUMENT with every line and
   * reason) and the config in force stays.
   */
  reloadQuota(argument: _tessera_v1_ReloadQuotaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  reloadQuota(argument: _tessera_v1_ReloadQuotaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  reloadQuota(argument: _tessera_v1_ReloadQuotaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  reloadQuota(argument: _tessera_v1_ReloadQuotaRequest, callback: grpc.requestCallback<_tessera_v1_QuotaConfig__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Multi-tenant queues: usage against quotas, and the queue config (`tessera scheduler --queues FILE`).
 */
export interface QueueServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * The queue config in force.
   */
  GetQuota: grpc.handleUnaryCall<_tessera_v1_GetQuotaRequest__Output, _tessera_v1_QuotaConfig>;
  
  /**
   * Usage, quota, borrowed capacity and pending jobs per queue.
   */
  ListQueues: grpc.handleUnaryCall<_tessera_v1_ListQueuesRequest__Output, _tessera_v1_ListQueuesResponse>;
  
  /**
   * Re-reads the --queues file. An invalid file is refused as a whole (INVALID_ARGUMENT with every line and
   * reason) and the config in force stays.
   */
  ReloadQuota: grpc.handleUnaryCall<_tessera_v1_ReloadQuotaRequest__Output, _tessera_v1_QuotaConfig>;
  
}

export interface QueueServiceDefinition extends grpc.ServiceDefinition {
  GetQuota: MethodDefinition<_tessera_v1_GetQuotaRequest, _tessera_v1_QuotaConfig, _tessera_v1_GetQuotaRequest__Output, _tessera_v1_QuotaConfig__Output>
  ListQueues: MethodDefinition<_tessera_v1_ListQueuesRequest, _tessera_v1_ListQueuesResponse, _tessera_v1_ListQueuesRequest__Output, _tessera_v1_ListQueuesResponse__Output>
  ReloadQuota: MethodDefinition<_tessera_v1_ReloadQuotaRequest, _tessera_v1_QuotaConfig, _tessera_v1_ReloadQuotaRequest__Output, _tessera_v1_QuotaConfig__Output>
}
