import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { ClusterServiceClient as _tessera_v1_ClusterServiceClient, ClusterServiceDefinition as _tessera_v1_ClusterServiceDefinition } from './tessera/v1/ClusterService.ts';
import type { ClusterStatus as _tessera_v1_ClusterStatus, ClusterStatus__Output as _tessera_v1_ClusterStatus__Output } from './tessera/v1/ClusterStatus.ts';
import type { GetClusterStatusRequest as _tessera_v1_GetClusterStatusRequest, GetClusterStatusRequest__Output as _tessera_v1_GetClusterStatusRequest__Output } from './tessera/v1/GetClusterStatusRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      /**
       * The schedulers of one fleet: which one leads, which follow, and where the jobs are stored. Every scheduler
       * answers it, leader or follower; the other services are answered only by the leader (followers refuse them with
       * UNAVAILABLE and the leader's address in the `tessera-leader` trailer).
       */
      ClusterService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_ClusterServiceClient> & { service: _tessera_v1_ClusterServiceDefinition }
      ClusterStatus: MessageTypeDefinition<_tessera_v1_ClusterStatus, _tessera_v1_ClusterStatus__Output>
      GetClusterStatusRequest: MessageTypeDefinition<_tessera_v1_GetClusterStatusRequest, _tessera_v1_GetClusterStatusRequest__Output>
    }
  }
}

