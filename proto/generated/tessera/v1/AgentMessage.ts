// Original file: proto/tessera/v1/node.proto

import type { Register as _tessera_v1_Register, Register__Output as _tessera_v1_Register__Output } from '../../tessera/v1/Register.ts';
import type { Report as _tessera_v1_Report, Report__Output as _tessera_v1_Report__Output } from '../../tessera/v1/Report.ts';

export interface AgentMessage {
  'register'?: (_tessera_v1_Register | null);
  'report'?: (_tessera_v1_Report | null);
  'body'?: "register"|"report";
}

export interface AgentMessage__Output {
  'register'?: (_tessera_v1_Register__Output | null);
  'report'?: (_tessera_v1_Report__Output | null);
  'body'?: "register"|"report";
}
