// Original file: proto/tessera/v1/node.proto

import type { Register as _tessera_v1_Register, Register__Output as _tessera_v1_Register__Output } from '../../tessera/v1/Register.ts';
import type { Report as _tessera_v1_Report, Report__Output as _tessera_v1_Report__Output } from '../../tessera/v1/Report.ts';
import type { AgentLogChunk as _tessera_v1_AgentLogChunk, AgentLogChunk__Output as _tessera_v1_AgentLogChunk__Output } from '../../tessera/v1/AgentLogChunk.ts';

export interface AgentMessage {
  'register'?: (_tessera_v1_Register | null);
  'report'?: (_tessera_v1_Report | null);
  'logChunk'?: (_tessera_v1_AgentLogChunk | null);
  'body'?: "register"|"report"|"logChunk";
}

export interface AgentMessage__Output {
  'register'?: (_tessera_v1_Register__Output | null);
  'report'?: (_tessera_v1_Report__Output | null);
  'logChunk'?: (_tessera_v1_AgentLogChunk__Output | null);
  'body'?: "register"|"report"|"logChunk";
}
