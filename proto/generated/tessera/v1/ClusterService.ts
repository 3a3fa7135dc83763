// Original file: proto/tessera/v1/cluster.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ClusterStatus as _tessera_v1_ClusterStatus, ClusterStatus__Output as _tessera_v1_ClusterStatus__Output } from '../../tessera/v1/ClusterStatus.ts';
import type { GetClusterStatusRequest as _tessera_v1_GetClusterStatusRequest, GetClusterStatusRequest__Output as _tessera_v1_GetClusterStatusRequest__Output } from '../../tessera/v1/GetClusterStatusRequest.ts';

/**
 * The schedulers of one fleet: which one leads, which follow, and where the jobs are stored. Every scheduler
 * answers it, leader or follower; the other services are answered only by the leader (followers refuse them with
 * UNAVAILABLE and the leader's address in the `tessera-leader` trailer).
 */
export interface ClusterServiceClient extends grpc.Client {
  GetStatus(argument: _tessera_v1_GetClusterStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _tessera_v1_GetClusterStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _tessera_v1_GetClusterStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  GetStatus(argument: _tessera_v1_GetClusterStatusRequest, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _tessera_v1_GetClusterStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _tessera_v1_GetClusterStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _tessera_v1_GetClusterStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  getStatus(argument: _tessera_v1_GetClusterStatusRequest, callback: grpc.requestCallback<_tessera_v1_ClusterStatus__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The schedulers of one fleet: which one leads, which follow, and where the jobs are stored. Every scheduler
 * answers it, leader or follower; the other services are answered only by the leader (followers refuse them with
 * UNAVAILABLE and the leader's address in the `tessera-leader` trailer).
 */
export interface ClusterServiceHandlers extends grpc.UntypedServiceImplementation {
  GetStatus: grpc.handleUnaryCall<_tessera_v1_GetClusterStatusRequest__Output, _tessera_v1_ClusterStatus>;
  
}

export interface ClusterServiceDefinition extends grpc.ServiceDefinition {
  GetStatus: MethodDefinition<_tessera_v1_GetClusterStatusRequest, _tessera_v1_ClusterStatus, _tessera_v1_GetClusterStatusRequest__Output, _tessera_v1_ClusterStatus__Output>
}
