import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Allocation as _tessera_v1_Allocation, Allocation__Output as _tessera_v1_Allocation__Output } from './tessera/v1/Allocation.ts';
import type { CancelJobRequest as _tessera_v1_CancelJobRequest, CancelJobRequest__Output as _tessera_v1_CancelJobRequest__Output } from './tessera/v1/CancelJobRequest.ts';
import type { ContainerMount as _tessera_v1_ContainerMount, ContainerMount__Output as _tessera_v1_ContainerMount__Output } from './tessera/v1/ContainerMount.ts';
import type { GangRequest as _tessera_v1_GangRequest, GangRequest__Output as _tessera_v1_GangRequest__Output } from './tessera/v1/GangRequest.ts';
import type { GetJobRequest as _tessera_v1_GetJobRequest, GetJobRequest__Output as _tessera_v1_GetJobRequest__Output } from './tessera/v1/GetJobRequest.ts';
import type { Job as _tessera_v1_Job, Job__Output as _tessera_v1_Job__Output } from './tessera/v1/Job.ts';
import type { JobEvent as _tessera_v1_JobEvent, JobEvent__Output as _tessera_v1_JobEvent__Output } from './tessera/v1/JobEvent.ts';
import type { JobMember as _tessera_v1_JobMember, JobMember__Output as _tessera_v1_JobMember__Output } from './tessera/v1/JobMember.ts';
import type { JobServiceClient as _tessera_v1_JobServiceClient, JobServiceDefinition as _tessera_v1_JobServiceDefinition } from './tessera/v1/JobService.ts';
import type { JobSpec as _tessera_v1_JobSpec, JobSpec__Output as _tessera_v1_JobSpec__Output } from './tessera/v1/JobSpec.ts';
import type { JobTransition as _tessera_v1_JobTransition, JobTransition__Output as _tessera_v1_JobTransition__Output } from './tessera/v1/JobTransition.ts';
import type { ListJobsRequest as _tessera_v1_ListJobsRequest, ListJobsRequest__Output as _tessera_v1_ListJobsRequest__Output } from './tessera/v1/ListJobsRequest.ts';
import type { ListJobsResponse as _tessera_v1_ListJobsResponse, ListJobsResponse__Output as _tessera_v1_ListJobsResponse__Output } from './tessera/v1/ListJobsResponse.ts';
import type { LogChunk as _tessera_v1_LogChunk, LogChunk__Output as _tessera_v1_LogChunk__Output } from './tessera/v1/LogChunk.ts';
import type { LogsRequest as _tessera_v1_LogsRequest, LogsRequest__Output as _tessera_v1_LogsRequest__Output } from './tessera/v1/LogsRequest.ts';
import type { MigRequest as _tessera_v1_MigRequest, MigRequest__Output as _tessera_v1_MigRequest__Output } from './tessera/v1/MigRequest.ts';
import type { NoGpuRequest as _tessera_v1_NoGpuRequest, NoGpuRequest__Output as _tessera_v1_NoGpuRequest__Output } from './tessera/v1/NoGpuRequest.ts';
import type { ResourceRequest as _tessera_v1_ResourceRequest, ResourceRequest__Output as _tessera_v1_ResourceRequest__Output } from './tessera/v1/ResourceRequest.ts';
import type { ShareRequest as _tessera_v1_ShareRequest, ShareRequest__Output as _tessera_v1_ShareRequest__Output } from './tessera/v1/ShareRequest.ts';
import type { SliceRequest as _tessera_v1_SliceRequest, SliceRequest__Output as _tessera_v1_SliceRequest__Output } from './tessera/v1/SliceRequest.ts';
import type { SubmitRequest as _tessera_v1_SubmitRequest, SubmitRequest__Output as _tessera_v1_SubmitRequest__Output } from './tessera/v1/SubmitRequest.ts';
import type { SubmitResponse as _tessera_v1_SubmitResponse, SubmitResponse__Output as _tessera_v1_SubmitResponse__Output } from './tessera/v1/SubmitResponse.ts';
import type { WatchJobsRequest as _tessera_v1_WatchJobsRequest, WatchJobsRequest__Output as _tessera_v1_WatchJobsRequest__Output } from './tessera/v1/WatchJobsRequest.ts';
import type { WholeRequest as _tessera_v1_WholeRequest, WholeRequest__Output as _tessera_v1_WholeRequest__Output } from './tessera/v1/WholeRequest.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  tessera: {
    v1: {
      Allocation: MessageTypeDefinition<_tessera_v1_Allocation, _tessera_v1_Allocation__Output>
      CancelJobRequest: MessageTypeDefinition<_tessera_v1_CancelJobRequest, _tessera_v1_CancelJobRequest__Output>
      ContainerMount: MessageTypeDefinition<_tessera_v1_ContainerMount, _tessera_v1_ContainerMount__Output>
      GangRequest: MessageTypeDefinition<_tessera_v1_GangRequest, _tessera_v1_GangRequest__Output>
      GetJobRequest: MessageTypeDefinition<_tessera_v1_GetJobRequest, _tessera_v1_GetJobRequest__Output>
      Job: MessageTypeDefinition<_tessera_v1_Job, _tessera_v1_Job__Output>
      JobEvent: MessageTypeDefinition<_tessera_v1_JobEvent, _tessera_v1_JobEvent__Output>
      JobMember: MessageTypeDefinition<_tessera_v1_JobMember, _tessera_v1_JobMember__Output>
      /**
       * Submit, read, cancel and follow jobs. Every call may carry `authorization: Bearer TOKEN` metadata; it is
       * required when the scheduler was started with --token-file.
       */
      JobService: SubtypeConstructor<typeof grpc.Client, _tessera_v1_JobServiceClient> & { service: _tessera_v1_JobServiceDefinition }
      JobSpec: MessageTypeDefinition<_tessera_v1_JobSpec, _tessera_v1_JobSpec__Output>
      JobTransition: MessageTypeDefinition<_tessera_v1_JobTransition, _tessera_v1_JobTransition__Output>
      ListJobsRequest: MessageTypeDefinition<_tessera_v1_ListJobsRequest, _tessera_v1_ListJobsRequest__Output>
      ListJobsResponse: MessageTypeDefinition<_tessera_v1_ListJobsResponse, _tessera_v1_ListJobsResponse__Output>
      LogChunk: MessageTypeDefinition<_tessera_v1_LogChunk, _tessera_v1_LogChunk__Output>
      LogsRequest: MessageTypeDefinition<_tessera_v1_LogsRequest, _tessera_v1_LogsRequest__Output>
      MigRequest: MessageTypeDefinition<_tessera_v1_MigRequest, _tessera_v1_MigRequest__Output>
      NoGpuRequest: MessageTypeDefinition<_tessera_v1_NoGpuRequest, _tessera_v1_NoGpuRequest__Output>
      ResourceRequest: MessageTypeDefinition<_tessera_v1_ResourceRequest, _tessera_v1_ResourceRequest__Output>
      ShareRequest: MessageTypeDefinition<_tessera_v1_ShareRequest, _tessera_v1_ShareRequest__Output>
      SliceRequest: MessageTypeDefinition<_tessera_v1_SliceRequest, _tessera_v1_SliceRequest__Output>
      SubmitRequest: MessageTypeDefinition<_tessera_v1_SubmitRequest, _tessera_v1_SubmitRequest__Output>
      SubmitResponse: MessageTypeDefinition<_tessera_v1_SubmitResponse, _tessera_v1_SubmitResponse__Output>
      WatchJobsRequest: MessageTypeDefinition<_tessera_v1_WatchJobsRequest, _tessera_v1_WatchJobsRequest__Output>
      WholeRequest: MessageTypeDefinition<_tessera_v1_WholeRequest, _tessera_v1_WholeRequest__Output>
    }
  }
}

