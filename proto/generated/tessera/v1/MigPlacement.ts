// Original file: proto/tessera/v1/node.proto


export interface MigPlacement {
  'profile'?: (string);
  'start'?: (number);
  'size'?: (number);
}

export interface MigPlacement__Output {
  'profile': (string);
  'start': (number);
  'size': (number);
}
