// Original file: proto/tessera/v1/queue.proto

import type { QueueInfo as _tessera_v1_QueueInfo, QueueInfo__Output as _tessera_v1_QueueInfo__Output } from '../../tessera/v1/QueueInfo.ts';
import type { PriorityClassInfo as _tessera_v1_PriorityClassInfo, PriorityClassInfo__Output as _tessera_v1_PriorityClassInfo__Output } from '../../tessera/v1/PriorityClassInfo.ts';

export interface QuotaConfig {
  /**
   * The file the config came from; empty when the scheduler runs without --queues (every queue unlimited).
   */
  'source'?: (string);
  /**
   * The config text in force (YAML).
   */
  'yaml'?: (string);
  'queues'?: (_tessera_v1_QueueInfo)[];
  'priorityClasses'?: (_tessera_v1_PriorityClassInfo)[];
  'starvationSeconds'?: (number);
}

export interface QuotaConfig__Output {
  /**
   * The file the config came from; empty when the scheduler runs without --queues (every queue unlimited).
   */
  'source': (string);
  /**
   * The config text in force (YAML).
   */
  'yaml': (string);
  'queues': (_tessera_v1_QueueInfo__Output)[];
  'priorityClasses': (_tessera_v1_PriorityClassInfo__Output)[];
  'starvationSeconds': (number);
}
