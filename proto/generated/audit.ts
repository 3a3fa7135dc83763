import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AuditEntry as _tessera_v1_AuditEntry, AuditEntry__Output as _tessera_v1_AuditEntry__Output } from './tessera/v1/AuditEntry.ts';
import type { AuditServiceClient as _tessera_v1_AuditServiceClient, AuditServiceDefinition as _tessera_v1_AuditServiceDefinition } from './tessera/v1/AuditService.ts';
import type { ListAuditRequest as _tessera_v1_ListAuditRequest, ListAuditRequest__Output as _tessera_v1_ListAuditRequest__Output } from './tessera/v1/ListAuditRequest.ts';
import type { ListAuditResponse as _tessera_v1_ListAuditResponse, ListAuditResponse__Output as _tessera_v1_ListAuditResponse__Output } from './tessera/v1/ListAuditResponse.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      AuditEntry: MessageTypeDefinition<_tessera_v1_AuditEntry, _tessera_v1_AuditEntry__Output>
      /**
       * Who did what: every submit, cancel, quota change and node change (`tessera audit`). Admins only.
       */
      AuditService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_AuditServiceClient> & { service: _tessera_v1_AuditServiceDefinition }
      ListAuditRequest: MessageTypeDefinition<_tessera_v1_ListAuditRequest, _tessera_v1_ListAuditRequest__Output>
      ListAuditResponse: MessageTypeDefinition<_tessera_v1_ListAuditResponse, _tessera_v1_ListAuditResponse__Output>
    }
  }
}

