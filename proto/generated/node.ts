import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AgentLogChunk as _tessera_v1_AgentLogChunk, AgentLogChunk__Output as _tessera_v1_AgentLogChunk__Output } from './tessera/v1/AgentLogChunk.ts';
import type { AgentMessage as _tessera_v1_AgentMessage, AgentMessage__Output as _tessera_v1_AgentMessage__Output } from './tessera/v1/AgentMessage.ts';
import type { AssignedMount as _tessera_v1_AssignedMount, AssignedMount__Output as _tessera_v1_AssignedMount__Output } from './tessera/v1/AssignedMount.ts';
import type { AssignedSlice as _tessera_v1_AssignedSlice, AssignedSlice__Output as _tessera_v1_AssignedSlice__Output } from './tessera/v1/AssignedSlice.ts';
import type { Assignment as _tessera_v1_Assignment, Assignment__Output as _tessera_v1_Assignment__Output } from './tessera/v1/Assignment.ts';
import type { DesiredState as _tessera_v1_DesiredState, DesiredState__Output as _tessera_v1_DesiredState__Output } from './tessera/v1/DesiredState.ts';
import type { GpuDesired as _tessera_v1_GpuDesired, GpuDesired__Output as _tessera_v1_GpuDesired__Output } from './tessera/v1/GpuDesired.ts';
import type { GpuInventory as _tessera_v1_GpuInventory, GpuInventory__Output as _tessera_v1_GpuInventory__Output } from './tessera/v1/GpuInventory.ts';
import type { GpuObserved as _tessera_v1_GpuObserved, GpuObserved__Output as _tessera_v1_GpuObserved__Output } from './tessera/v1/GpuObserved.ts';
import type { JobObserved as _tessera_v1_JobObserved, JobObserved__Output as _tessera_v1_JobObserved__Output } from './tessera/v1/JobObserved.ts';
import type { JobStop as _tessera_v1_JobStop, JobStop__Output as _tessera_v1_JobStop__Output } from './tessera/v1/JobStop.ts';
import type { KubeletAllocation as _tessera_v1_KubeletAllocation, KubeletAllocation__Output as _tessera_v1_KubeletAllocation__Output } from './tessera/v1/KubeletAllocation.ts';
import type { ListNodesRequest as _tessera_v1_ListNodesRequest, ListNodesRequest__Output as _tessera_v1_ListNodesRequest__Output } from './tessera/v1/ListNodesRequest.ts';
import type { ListNodesResponse as _tessera_v1_ListNodesResponse, ListNodesResponse__Output as _tessera_v1_ListNodesResponse__Output } from './tessera/v1/ListNodesResponse.ts';
import type { LogRequest as _tessera_v1_LogRequest, LogRequest__Output as _tessera_v1_LogRequest__Output } from './tessera/v1/LogRequest.ts';
import type { MigInstance as _tessera_v1_MigInstance, MigInstance__Output as _tessera_v1_MigInstance__Output } from './tessera/v1/MigInstance.ts';
import type { MigPlacement as _tessera_v1_MigPlacement, MigPlacement__Output as _tessera_v1_MigPlacement__Output } from './tessera/v1/MigPlacement.ts';
import type { Node as _tessera_v1_Node, Node__Output as _tessera_v1_Node__Output } from './tessera/v1/Node.ts';
import type { NodeCapabilities as _tessera_v1_NodeCapabilities, NodeCapabilities__Output as _tessera_v1_NodeCapabilities__Output } from './tessera/v1/NodeCapabilities.ts';
import type { NodeLease as _tessera_v1_NodeLease, NodeLease__Output as _tessera_v1_NodeLease__Output } from './tessera/v1/NodeLease.ts';
import type { NodeServiceClient as _tessera_v1_NodeServiceClient, NodeServiceDefinition as _tessera_v1_NodeServiceDefinition } from './tessera/v1/NodeService.ts';
import type { Register as _tessera_v1_Register, Register__Output as _tessera_v1_Register__Output } from './tessera/v1/Register.ts';
import type { RemoveNodeRequest as _tessera_v1_RemoveNodeRequest, RemoveNodeRequest__Output as _tessera_v1_RemoveNodeRequest__Output } from './tessera/v1/RemoveNodeRequest.ts';
import type { RemoveNodeResponse as _tessera_v1_RemoveNodeResponse, RemoveNodeResponse__Output as _tessera_v1_RemoveNodeResponse__Output } from './tessera/v1/RemoveNodeResponse.ts';
import type { Report as _tessera_v1_Report, Report__Output as _tessera_v1_Report__Output } from './tessera/v1/Report.ts';
import type { SchedulerMessage as _tessera_v1_SchedulerMessage, SchedulerMessage__Output as _tessera_v1_SchedulerMessage__Output } from './tessera/v1/SchedulerMessage.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      AgentLogChunk: MessageTypeDefinition<_tessera_v1_AgentLogChunk, _tessera_v1_AgentLogChunk__Output>
      AgentMessage: MessageTypeDefinition<_tessera_v1_AgentMessage, _tessera_v1_AgentMessage__Output>
      AssignedMount: MessageTypeDefinition<_tessera_v1_AssignedMount, _tessera_v1_AssignedMount__Output>
      AssignedSlice: MessageTypeDefinition<_tessera_v1_AssignedSlice, _tessera_v1_AssignedSlice__Output>
      Assignment: MessageTypeDefinition<_tessera_v1_Assignment, _tessera_v1_Assignment__Output>
      DesiredState: MessageTypeDefinition<_tessera_v1_DesiredState, _tessera_v1_DesiredState__Output>
      GpuDesired: MessageTypeDefinition<_tessera_v1_GpuDesired, _tessera_v1_GpuDesired__Output>
      GpuInventory: MessageTypeDefinition<_tessera_v1_GpuInventory, _tessera_v1_GpuInventory__Output>
      GpuObserved: MessageTypeDefinition<_tessera_v1_GpuObserved, _tessera_v1_GpuObserved__Output>
      JobObserved: MessageTypeDefinition<_tessera_v1_JobObserved, _tessera_v1_JobObserved__Output>
      JobStop: MessageTypeDefinition<_tessera_v1_JobStop, _tessera_v1_JobStop__Output>
      KubeletAllocation: MessageTypeDefinition<_tessera_v1_KubeletAllocation, _tessera_v1_KubeletAllocation__Output>
      ListNodesRequest: MessageTypeDefinition<_tessera_v1_ListNodesRequest, _tessera_v1_ListNodesRequest__Output>
      ListNodesResponse: MessageTypeDefinition<_tessera_v1_ListNodesResponse, _tessera_v1_ListNodesResponse__Output>
      LogRequest: MessageTypeDefinition<_tessera_v1_LogRequest, _tessera_v1_LogRequest__Output>
      MigInstance: MessageTypeDefinition<_tessera_v1_MigInstance, _tessera_v1_MigInstance__Output>
      MigPlacement: MessageTypeDefinition<_tessera_v1_MigPlacement, _tessera_v1_MigPlacement__Output>
      Node: MessageTypeDefinition<_tessera_v1_Node, _tessera_v1_Node__Output>
      NodeCapabilities: MessageTypeDefinition<_tessera_v1_NodeCapabilities, _tessera_v1_NodeCapabilities__Output>
      NodeLease: MessageTypeDefinition<_tessera_v1_NodeLease, _tessera_v1_NodeLease__Output>
      /**
       * An agent keeps one Connect stream open. Its first message is `register`; after that it sends `report`
       * whenever its observed state changes and at least every `heartbeat_ms` (whole, or a delta: see Report.delta).
       * The scheduler answers every change of the node's desired state with the WHOLE desired state and a higher
       * generation, so lost messages, reconnects and restarts are harmless.
       */
      NodeService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_NodeServiceClient> & { service: _tessera_v1_NodeServiceDefinition }
      Register: MessageTypeDefinition<_tessera_v1_Register, _tessera_v1_Register__Output>
      RemoveNodeRequest: MessageTypeDefinition<_tessera_v1_RemoveNodeRequest, _tessera_v1_RemoveNodeRequest__Output>
      RemoveNodeResponse: MessageTypeDefinition<_tessera_v1_RemoveNodeResponse, _tessera_v1_RemoveNodeResponse__Output>
      Report: MessageTypeDefinition<_tessera_v1_Report, _tessera_v1_Report__Output>
      SchedulerMessage: MessageTypeDefinition<_tessera_v1_SchedulerMessage, _tessera_v1_SchedulerMessage__Output>
    }
  }
}

