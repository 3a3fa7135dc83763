// Original file: proto/tessera/v1/queue.proto


export interface PriorityClassInfo {
  'name'?: (string);
  'value'?: (number);
  'preemptionGraceSeconds'?: (number);
}

export interface PriorityClassInfo__Output {
  'name': (string);
  'value': (number);
  'preemptionGraceSeconds': (number);
}
