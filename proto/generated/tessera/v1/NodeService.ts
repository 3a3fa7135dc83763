// Original file: proto/tessera/v1/node.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AgentMessage as _tessera_v1_AgentMessage, AgentMessage__Output as _tessera_v1_AgentMessage__Output } from '../../tessera/v1/AgentMessage.ts';
import type { ListNodesRequest as _tessera_v1_ListNodesRequest, ListNodesRequest__Output as _tessera_v1_ListNodesRequest__Output } from '../../tessera/v1/ListNodesRequest.ts';
import type { ListNodesResponse as _tessera_v1_ListNodesResponse, ListNodesResponse__Output as _tessera_v1_ListNodesResponse__Output } from '../../tessera/v1/ListNodesResponse.ts';
import type { RemoveNodeRequest as _tessera_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _tessera_v1_RemoveNodeRequest__Output } from '../../tessera/v1/RemoveNodeRequest.ts';
import type { RemoveNodeResponse as _tessera_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _tessera_v1_RemoveNodeResponse__Output } from '../../tessera/v1/RemoveNodeResponse.ts';
import type { SchedulerMessage as _tessera_v1_SchedulerMessage, SchedulerMessage__Output as _tessera_v1_SchedulerMessage__Output } from '../../tessera/v1/SchedulerMessage.ts';

/**
 * An agent keeps one Connect stream open. Its first message is `register`; after that it sends `report`
 * whenever its observed state changes and at least every `heartbeat_ms` (whole, or a delta: see Report.delta).
 * The scheduler answers every change of the node's desired state with the WHOLE desired state and a higher
 * generation, so lost messages, reconnects and restarts are harmless.
 */
export interface NodeServiceClient extends grpc.Client {
  Connect(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tessera_v1_AgentMessage, _tessera_v1_SchedulerMessage__Output>;
  Connect(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tessera_v1_AgentMessage, _tessera_v1_SchedulerMessage__Output>;
  connect(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_tessera_v1_AgentMessage, _tessera_v1_SchedulerMessage__Output>;
  connect(options?: grpc.CallOptions): grpc.ClientDuplexStream<_tessera_v1_AgentMessage, _tessera_v1_SchedulerMessage__Output>;
  
  /**
   * Nodes known to the scheduler, with their GPUs and lease.
   */
  ListNodes(argument: _tessera_v1_ListNodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  ListNodes(argument: _tessera_v1_ListNodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  ListNodes(argument: _tessera_v1_ListNodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  ListNodes(argument: _tessera_v1_ListNodesRequest, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Nodes known to the scheduler, with their GPUs and lease.
   */
  listNodes(argument: _tessera_v1_ListNodesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  listNodes(argument: _tessera_v1_ListNodesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  listNodes(argument: _tessera_v1_ListNodesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  listNodes(argument: _tessera_v1_ListNodesRequest, callback: grpc.requestCallback<_tessera_v1_ListNodesResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Forgets a node whose agent is gone (admin only). Refused (FAILED_PRECONDITION) while its agent is connected
   * or while it holds active jobs.
   */
  RemoveNode(argument: _tessera_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _tessera_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _tessera_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  RemoveNode(argument: _tessera_v1_RemoveNodeRequest, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Forgets a node whose agent is gone (admin only). Refused (FAILED_PRECONDITION) while its agent is connected
   * or while it holds active jobs.
   */
  removeNode(argument: _tessera_v1_RemoveNodeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _tessera_v1_RemoveNodeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _tessera_v1_RemoveNodeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  removeNode(argument: _tessera_v1_RemoveNodeRequest, callback: grpc.requestCallback<_tessera_v1_RemoveNodeResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * An agent keeps one Connect stream open. Its first message is `register`; after that it sends `report`
 * whenever its observed state changes and at least every `heartbeat_ms` (whole, or a delta: see Report.delta).
 * The scheduler answers every change of the node's desired state with the WHOLE desired state and a higher
 * generation, so lost messages, reconnects and restarts are harmless.
 */
export interface NodeServiceHandlers extends grpc.UntypedServiceImplementation {
  Connect: grpc.handleBidiStreamingCall<_tessera_v1_AgentMessage__Output, _tessera_v1_SchedulerMessage>;
  
  /**
   * Nodes known to the scheduler, with their GPUs and lease.
   */
  ListNodes: grpc.handleUnaryCall<_tessera_v1_ListNodesRequest__Output, _tessera_v1_ListNodesResponse>;
  
  /**
   * Forgets a node whose agent is gone (admin only). Refused (FAILED_PRECONDITION) while its agent is connected
   * or while it holds active jobs.
   */
  RemoveNode: grpc.handleUnaryCall<_tessera_v1_RemoveNodeRequest__Output, _tessera_v1_RemoveNodeResponse>;
  
}

export interface NodeServiceDefinition extends grpc.ServiceDefinition {
  Connect: MethodDefinition<_tessera_v1_AgentMessage, _tessera_v1_SchedulerMessage, _tessera_v1_AgentMessage__Output, _tessera_v1_SchedulerMessage__Output>
  ListNodes: MethodDefinition<_tessera_v1_ListNodesRequest, _tessera_v1_ListNodesResponse, _tessera_v1_ListNodesRequest__Output, _tessera_v1_ListNodesResponse__Output>
  RemoveNode: MethodDefinition<_tessera_v1_RemoveNodeRequest, _tessera_v1_RemoveNodeResponse, _tessera_v1_RemoveNodeRequest__Output, _tessera_v1_RemoveNodeResponse__Output>
}
