import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Capacity as _tessera_v1_Capacity, Capacity__Output as _tessera_v1_Capacity__Output } from './tessera/v1/Capacity.ts';
import type { CapacityServiceClient as _tessera_v1_CapacityServiceClient, CapacityServiceDefinition as _tessera_v1_CapacityServiceDefinition } from './tessera/v1/CapacityService.ts';
import type { GetCapacityRequest as _tessera_v1_GetCapacityRequest, GetCapacityRequest__Output as _tessera_v1_GetCapacityRequest__Output } from './tessera/v1/GetCapacityRequest.ts';
import type { ModelCapacity as _tessera_v1_ModelCapacity, ModelCapacity__Output as _tessera_v1_ModelCapacity__Output } from './tessera/v1/ModelCapacity.ts';
import type { ProfileCapacity as _tessera_v1_ProfileCapacity, ProfileCapacity__Output as _tessera_v1_ProfileCapacity__Output } from './tessera/v1/ProfileCapacity.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      Capacity: MessageTypeDefinition<_tessera_v1_Capacity, _tessera_v1_Capacity__Output>
      CapacityService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_CapacityServiceClient> & { service: _tessera_v1_CapacityServiceDefinition }
      GetCapacityRequest: MessageTypeDefinition<_tessera_v1_GetCapacityRequest, _tessera_v1_GetCapacityRequest__Output>
      ModelCapacity: MessageTypeDefinition<_tessera_v1_ModelCapacity, _tessera_v1_ModelCapacity__Output>
      ProfileCapacity: MessageTypeDefinition<_tessera_v1_ProfileCapacity, _tessera_v1_ProfileCapacity__Output>
    }
  }
}

