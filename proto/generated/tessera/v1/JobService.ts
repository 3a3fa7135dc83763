// Original file: proto/tessera/v1/job.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CancelJobRequest as _tessera_v1_CancelJobRequest, CancelJobRequest__Output as _tessera_v1_CancelJobRequest__Output } from '../../tessera/v1/CancelJobRequest.ts';
import type { GetJobRequest as _tessera_v1_GetJobRequest, GetJobRequest__Output as _tessera_v1_GetJobRequest__Output } from '../../tessera/v1/GetJobRequest.ts';
import type { Job as _tessera_v1_Job, Job__Output as _tessera_v1_Job__Output } from '../../tessera/v1/Job.ts';
import type { JobEvent as _tessera_v1_JobEvent, JobEvent__Output as _tessera_v1_JobEvent__Output } from '../../tessera/v1/JobEvent.ts';
import type { ListJobsRequest as _tessera_v1_ListJobsRequest, ListJobsRequest__Output as _tessera_v1_ListJobsRequest__Output } from '../../tessera/v1/ListJobsRequest.ts';
import type { ListJobsResponse as _tessera_v1_ListJobsResponse, ListJobsResponse__Output as _tessera_v1_ListJobsResponse__Output } from '../../tessera/v1/ListJobsResponse.ts';
import type { LogChunk as _tessera_v1_LogChunk, LogChunk__Output as _tessera_v1_LogChunk__Output } from '../../tessera/v1/LogChunk.ts';
import type { LogsRequest as _tessera_v1_LogsRequest, LogsRequest__Output as _tessera_v1_LogsRequest__Output } from '../../tessera/v1/LogsRequest.ts';
import type { SubmitRequest as _tessera_v1_SubmitRequest, SubmitRequest__Output as _tessera_v1_SubmitRequest__Output } from '../../tessera/v1/SubmitRequest.ts';
import type { SubmitResponse as _tessera_v1_SubmitResponse, SubmitResponse__Output as _tessera_v1_SubmitResponse__Output } from '../../tessera/v1/SubmitResponse.ts';
import type { WatchJobsRequest as _tessera_v1_WatchJobsRequest, WatchJobsRequest__Output as _tessera_v1_WatchJobsRequest__Output } from '../../tessera/v1/WatchJobsRequest.ts';

/**
 * Submit, read, cancel and follow jobs. Every call may carry `authorization: Bearer TOKEN` metadata; it is
 * required when the scheduler was started with --token-file.
 */
export interface JobServiceClient extends grpc.Client {
  /**
   * Cancels a job that has not finished; its processes are killed by process group. FAILED_PRECONDITION when
   * the job already reached a final state.
   */
  Cancel(argument: _tessera_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Cancel(argument: _tessera_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Cancel(argument: _tessera_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Cancel(argument: _tessera_v1_CancelJobRequest, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * Cancels a job that has not finished; its processes are killed by process group. FAILED_PRECONDITION when
   * the job already reached a final state.
   */
  cancel(argument: _tessera_v1_CancelJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  cancel(argument: _tessera_v1_CancelJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  cancel(argument: _tessera_v1_CancelJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  cancel(argument: _tessera_v1_CancelJobRequest, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * One job by id. NOT_FOUND when there is none.
   */
  Get(argument: _tessera_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Get(argument: _tessera_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Get(argument: _tessera_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  Get(argument: _tessera_v1_GetJobRequest, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  /**
   * One job by id. NOT_FOUND when there is none.
   */
  get(argument: _tessera_v1_GetJobRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  get(argument: _tessera_v1_GetJobRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  get(argument: _tessera_v1_GetJobRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  get(argument: _tessera_v1_GetJobRequest, callback: grpc.requestCallback<_tessera_v1_Job__Output>): grpc.ClientUnaryCall;
  
  /**
   * Jobs matching the filters, oldest first, `page_size` at a time; pass `next_page_token` back for more.
   */
  List(argument: _tessera_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tessera_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tessera_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  List(argument: _tessera_v1_ListJobsRequest, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Jobs matching the filters, oldest first, `page_size` at a time; pass `next_page_token` back for more.
   */
  list(argument: _tessera_v1_ListJobsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tessera_v1_ListJobsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tessera_v1_ListJobsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  list(argument: _tessera_v1_ListJobsRequest, callback: grpc.requestCallback<_tessera_v1_ListJobsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * The output (stdout and stderr) of a job's current attempt, fetched from the agent of its node. With `follow`,
   * the stream stays open until the job's process ends. For a gang, every member's output, each line prefixed
   * with its rank (`[rank 0] ...`), or one member's as it is with `rank`. FAILED_PRECONDITION when the job has not
   * started yet or its node's agent is not connected; INVALID_ARGUMENT for a rank the job does not have.
   */
  Logs(argument: _tessera_v1_LogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_LogChunk__Output>;
  Logs(argument: _tessera_v1_LogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_LogChunk__Output>;
  /**
   * The output (stdout and stderr) of a job's current attempt, fetched from the agent of its node. With `follow`,
   * the stream stays open until the job's process ends. For a gang, every member's output, each line prefixed
   * with its rank (`[rank 0] ...`), or one member's as it is with `rank`. FAILED_PRECONDITION when the job has not
   * started yet or its node's agent is not connected; INVALID_ARGUMENT for a rank the job does not have.
   */
  logs(argument: _tessera_v1_LogsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_LogChunk__Output>;
  logs(argument: _tessera_v1_LogsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_LogChunk__Output>;
  
  /**
   * Queues a job. Acknowledged only once the job is durable in the store. Calling again with the same
   * client_request_id returns the job created the first time instead of a second job.
   * INVALID_ARGUMENT: the spec is malformed (the message names the field and what to fix).
   * RESOURCE_EXHAUSTED: no node of the fleet, even empty, could ever hold the request.
   */
  Submit(argument: _tessera_v1_SubmitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _tessera_v1_SubmitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _tessera_v1_SubmitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  Submit(argument: _tessera_v1_SubmitRequest, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Queues a job. Acknowledged only once the job is durable in the store. Calling again with the same
   * client_request_id returns the job created the first time instead of a second job.
   * INVALID_ARGUMENT: the spec is malformed (the message names the field and what to fix).
   * RESOURCE_EXHAUSTED: no node of the fleet, even empty, could ever hold the request.
   */
  submit(argument: _tessera_v1_SubmitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _tessera_v1_SubmitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _tessera_v1_SubmitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  submit(argument: _tessera_v1_SubmitRequest, callback: grpc.requestCallback<_tessera_v1_SubmitResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Streams every job change from now on (after sending the current state of matching jobs when
   * `include_current` is set).
   */
  Watch(argument: _tessera_v1_WatchJobsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_JobEvent__Output>;
  Watch(argument: _tessera_v1_WatchJobsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_JobEvent__Output>;
  /**
   * Streams every job change from now on (after sending the current state of matching jobs when
   * `include_current` is set).
   */
  watch(argument: _tessera_v1_WatchJobsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_JobEvent__Output>;
  watch(argument: _tessera_v1_WatchJobsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_tessera_v1_JobEvent__Output>;
  
}

/**
 * Submit, read, cancel and follow jobs. Every call may carry `authorization: Bearer TOKEN` metadata; it is
 * required when the scheduler was started with --token-file.
 */
export interface JobServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Cancels a job that has not finished; its processes are killed by process group. FAILED_PRECONDITION when
   * the job already reached a final state.
   */
  Cancel: grpc.handleUnaryCall<_tessera_v1_CancelJobRequest__Output, _tessera_v1_Job>;
  
  /**
   * One job by id. NOT_FOUND when there is none.
   */
  Get: grpc.handleUnaryCall<_tessera_v1_GetJobRequest__Output, _tessera_v1_Job>;
  
  /**
   * Jobs matching the filters, oldest first, `page_size` at a time; pass `next_page_token` back for more.
   */
  List: grpc.handleUnaryCall<_tessera_v1_ListJobsRequest__Output, _tessera_v1_ListJobsResponse>;
  
  /**
   * The output (stdout and stderr) of a job's current attempt, fetched from the agent of its node. With `follow`,
   * the stream stays open until the job's process ends. For a gang, every member's output, each line prefixed
   * with its rank (`[rank 0] ...`), or one member's as it is with `rank`. FAILED_PRECONDITION when the job has not
   * started yet or its node's agent is not connected; INVALID_ARGUMENT for a rank the job does not have.
   */
  Logs: grpc.handleServerStreamingCall<_tessera_v1_LogsRequest__Output, _tessera_v1_LogChunk>;
  
  /**
   * Queues a job. Acknowledged only once the job is durable in the store. Calling again with the same
   * client_request_id returns the job created the first time instead of a second job.
   * INVALID_ARGUMENT: the spec is malformed (the message names the field and what to fix).
   * RESOURCE_EXHAUSTED: no node of the fleet, even empty, could ever hold the request.
   */
  Submit: grpc.handleUnaryCall<_tessera_v1_SubmitRequest__Output, _tessera_v1_SubmitResponse>;
  
  /**
   * Streams every job change from now on (after sending the current state of matching jobs when
   * `include_current` is set).
   */
  Watch: grpc.handleServerStreamingCall<_tessera_v1_WatchJobsRequest__Output, _tessera_v1_JobEvent>;
  
}

export interface JobServiceDefinition extends grpc.ServiceDefinition {
  Cancel: MethodDefinition<_tessera_v1_CancelJobRequest, _tessera_v1_Job, _tessera_v1_CancelJobRequest__Output, _tessera_v1_Job__Output>
  Get: MethodDefinition<_tessera_v1_GetJobRequest, _tessera_v1_Job, _tessera_v1_GetJobRequest__Output, _tessera_v1_Job__Output>
  List: MethodDefinition<_tessera_v1_ListJobsRequest, _tessera_v1_ListJobsResponse, _tessera_v1_ListJobsRequest__Output, _tessera_v1_ListJobsResponse__Output>
  Logs: MethodDefinition<_tessera_v1_LogsRequest, _tessera_v1_LogChunk, _tessera_v1_LogsRequest__Output, _tessera_v1_LogChunk__Output>
  Submit: MethodDefinition<_tessera_v1_SubmitRequest, _tessera_v1_SubmitResponse, _tessera_v1_SubmitRequest__Output, _tessera_v1_SubmitResponse__Output>
  Watch: MethodDefinition<_tessera_v1_WatchJobsRequest, _tessera_v1_JobEvent, _tessera_v1_WatchJobsRequest__Output, _tessera_v1_JobEvent__Output>
}
