// Original file: proto/tessera/v1/job.proto


/**
 * A model-agnostic MIG slice: mapped on each GPU model to the smallest profile with at least this memory and
 * compute (in sevenths of a full GPU).
 */
export interface SliceRequest {
  'memoryMib'?: (number);
  'computeSevenths'?: (number);
}

/**
 * A model-agnostic MIG slice: mapped on each GPU model to the smallest profile with at least this memory and
 * compute (in sevenths of a full GPU).
 */
export interface SliceRequest__Output {
  'memoryMib': (number);
  'computeSevenths': (number);
}
