// Original file: proto/tessera/v1/queue.proto

import type { Long } from '@grpc/proto-loader';

/**
 * One queue. Resource amounts are keyed by resource name: `gpus` (GPU-equivalents: a whole GPU is 1, a MIG
 * slice its compute sevenths), a GPU model id (whole GPUs), a MIG profile (instances), `cpu` (cores), `memory`
 * (MiB).
 */
export interface QueueInfo {
  'name'?: (string);
  /**
   * Empty when the queue lends and borrows with nobody.
   */
  'cohort'?: (string);
  'weight'?: (number | string);
  /**
   * Guaranteed amounts.
   */
  'quota'?: ({[key: string]: number | string});
  /**
   * Most the queue may borrow per resource; a resource absent here may borrow whatever its cohort leaves unused.
   */
  'borrowingLimit'?: ({[key: string]: number | string});
  /**
   * What the queue's admitted jobs hold now.
   */
  'usage'?: ({[key: string]: number | string});
  /**
   * The part of `usage` beyond `quota`, lent by the cohort; reclaimable by the lenders.
   */
  'borrowed'?: ({[key: string]: number | string});
  'pending'?: (number);
  'running'?: (number);
  /**
   * Jobs admitted and jobs preempted since the scheduler started.
   */
  'admittedTotal'?: (number | string | Long);
  'preemptedTotal'?: (number | string | Long);
}

/**
 * One queue. Resource amounts are keyed by resource name: `gpus` (GPU-equivalents: a whole GPU is 1, a MIG
 * slice its compute sevenths), a GPU model id (whole GPUs), a MIG profile (instances), `cpu` (cores), `memory`
 * (MiB).
 */
export interface QueueInfo__Output {
  'name': (string);
  /**
   * Empty when the queue lends and borrows with nobody.
   */
  'cohort': (string);
  'weight': (number);
  /**
   * Guaranteed amounts.
   */
  'quota': ({[key: string]: number});
  /**
   * Most the queue may borrow per resource; a resource absent here may borrow whatever its cohort leaves unused.
   */
  'borrowingLimit': ({[key: string]: number});
  /**
   * What the queue's admitted jobs hold now.
   */
  'usage': ({[key: string]: number});
  /**
   * The part of `usage` beyond `quota`, lent by the cohort; reclaimable by the lenders.
   */
  'borrowed': ({[key: string]: number});
  'pending': (number);
  'running': (number);
  /**
   * Jobs admitted and jobs preempted since the scheduler started.
   */
  'admittedTotal': (number);
  'preemptedTotal': (number);
}
