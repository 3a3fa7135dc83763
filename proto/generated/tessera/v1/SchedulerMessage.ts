// Original file: proto/tessera/v1/node.proto

import type { DesiredState as _tessera_v1_DesiredState, DesiredState__Output as _tessera_v1_DesiredState__Output } from '../../tessera/v1/DesiredState.ts';
import type { LogRequest as _tessera_v1_LogRequest, LogRequest__Output as _tessera_v1_LogRequest__Output } from '../../tessera/v1/LogRequest.ts';

export interface SchedulerMessage {
  'desired'?: (_tessera_v1_DesiredState | null);
  'logRequest'?: (_tessera_v1_LogRequest | null);
  'body'?: "desired"|"logRequest";
}

export interface SchedulerMessage__Output {
  'desired'?: (_tessera_v1_DesiredState__Output | null);
  'logRequest'?: (_tessera_v1_LogRequest__Output | null);
  'body'?: "desired"|"logRequest";
}
