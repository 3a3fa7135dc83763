// Original file: proto/tessera/v1/audit.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ListAuditRequest as _tessera_v1_ListAuditRequest, ListAuditRequest__Output as _tessera_v1_ListAuditRequest__Output } from '../../tessera/v1/ListAuditRequest.ts';
import type { ListAuditResponse as _tessera_v1_ListAuditResponse, ListAuditResponse__Output as _tessera_v1_ListAuditResponse__Output } from '../../tessera/v1/ListAuditResponse.ts';

/**
 * Who did what: every submit, cancel, quota change and node change (`tessera audit`). Admins only.
 */
export interface AuditServiceClient extends grpc.Client {
  ListAudit(argument: _tessera_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _tessera_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _tessera_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  ListAudit(argument: _tessera_v1_ListAuditRequest, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _tessera_v1_ListAuditRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _tessera_v1_ListAuditRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _tessera_v1_ListAuditRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  listAudit(argument: _tessera_v1_ListAuditRequest, callback: grpc.requestCallback<_tessera_v1_ListAuditResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Who did what: every submit, cancel, quota change and node change (`tessera audit`). Admins only.
 */
export interface AuditServiceHandlers extends grpc.UntypedServiceImplementation {
  ListAudit: grpc.handleUnaryCall<_tessera_v1_ListAuditRequest__Output, _tessera_v1_ListAuditResponse>;
  
}

export interface AuditServiceDefinition extends grpc.ServiceDefinition {
  ListAudit: MethodDefinition<_tessera_v1_ListAuditRequest, _tessera_v1_ListAuditResponse, _tessera_v1_ListAuditRequest__Output, _tessera_v1_ListAuditResponse__Output>
}
