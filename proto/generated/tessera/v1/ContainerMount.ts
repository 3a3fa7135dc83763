// Original file: proto/tessera/v1/job.proto


/**
 * A host path bind-mounted into a job's container (`--mount SRC:DST[:ro]`). Both absolute, without `:` or `,`.
 */
export interface ContainerMount {
  'source'?: (string);
  'target'?: (string);
  'readOnly'?: (boolean);
}

/**
 * A host path bind-mounted into a job's container (`--mount SRC:DST[:ro]`). Both absolute, without `:` or `,`.
 */
export interface ContainerMount__Output {
  'source': (string);
  'target': (string);
  'readOnly': (boolean);
}
