// Original file: proto/tessera/v1/node.proto

import type { DesiredState as _tessera_v1_DesiredState, DesiredState__Output as _tessera_v1_DesiredState__Output } from '../../tessera/v1/DesiredState.ts';

export interface SchedulerMessage {
  'desired'?: (_tessera_v1_DesiredState | null);
  'body'?: "desired";
}

export interface SchedulerMessage__Output {
  'desired'?: (_tessera_v1_DesiredState__Output | null);
  'body'?: "desired";
}
