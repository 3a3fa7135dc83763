// Original file: proto/tessera/v1/capacity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Capacity as _tessera_v1_Capacity, Capacity__Output as _tessera_v1_Capacity__Output } from '../../tessera/v1/Capacity.ts';
import type { GetCapacityRequest as _tessera_v1_GetCapacityRequest, GetCapacityRequest__Output as _tessera_v1_GetCapacityRequest__Output } from '../../tessera/v1/GetCapacityRequest.ts';

export interface CapacityServiceClient extends grpc.Client {
  GetCapacity(argument: _tessera_v1_GetCapacityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  GetCapacity(argument: _tessera_v1_GetCapacityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  GetCapacity(argument: _tessera_v1_GetCapacityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  GetCapacity(argument: _tessera_v1_GetCapacityRequest, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  getCapacity(argument: _tessera_v1_GetCapacityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  getCapacity(argument: _tessera_v1_GetCapacityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  getCapacity(argument: _tessera_v1_GetCapacityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  getCapacity(argument: _tessera_v1_GetCapacityRequest, callback: grpc.requestCallback<_tessera_v1_Capacity__Output>): grpc.ClientUnaryCall;
  
}

export interface CapacityServiceHandlers extends grpc.UntypedServiceImplementation {
  GetCapacity: grpc.handleUnaryCall<_tessera_v1_GetCapacityRequest__Output, _tessera_v1_Capacity>;
  
}

export interface CapacityServiceDefinition extends grpc.ServiceDefinition {
  GetCapacity: MethodDefinition<_tessera_v1_GetCapacityRequest, _tessera_v1_Capacity, _tessera_v1_GetCapacityRequest__Output, _tessera_v1_Capacity__Output>
}
