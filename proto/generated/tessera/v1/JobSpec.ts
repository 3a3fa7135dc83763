// Original file: proto/tessera/v1/job.proto

import type { ResourceRequest as _tessera_v1_ResourceRequest, ResourceRequest__Output as _tessera_v1_ResourceRequest__Output } from '../../tessera/v1/ResourceRequest.ts';
import type { ContainerMount as _tessera_v1_ContainerMount, ContainerMount__Output as _tessera_v1_ContainerMount__Output } from '../../tessera/v1/ContainerMount.ts';

/**
 * What an engineer submits.
 */
export interface JobSpec {
  /**
   * Required; 1-253 characters, letters, digits and `-_.:/@` only.
   */
  'name'?: (string);
  /**
   * Defaults to `default`.
   */
  'tenant'?: (string);
  /**
   * Higher runs first; -1000..1000, default 0.
   */
  'priority'?: (number);
  /**
   * `training`, `inference`, `batch` (the default) or `vm`.
   */
  'kind'?: (string);
  'request'?: (_tessera_v1_ResourceRequest | null);
  /**
   * The program and its arguments, run without a shell on the node (argv[0] is looked up in PATH).
   */
  'command'?: (string)[];
  /**
   * Extra environment for the command. Names starting with TESSERA_ or CUDA_ are reserved.
   */
  'env'?: ({[key: string]: string});
  /**
   * Working directory on the node; empty runs in the agent's job directory.
   */
  'workdir'?: (string);
  /**
   * Queue within the tenant; defaults to `default`. With a queue config (`tessera scheduler --queues FILE`) it
   * must be one of the configured queues.
   */
  'queue'?: (string);
  /**
   * A priority class of the queue config (e.g. `high`); its value replaces `priority`.
   */
  'priorityClass'?: (string);
  /**
   * May be stopped for higher-priority work of its own queue. Work on capacity borrowed from another queue of
   * the cohort is reclaimable by that queue either way.
   */
  'preemptible'?: (boolean);
  /**
   * When preempted, go back to Pending instead of ending as Preempted.
   */
  'requeueOnPreemption'?: (boolean);
  /**
   * Declared upper bound on the run time in seconds (0: none). Only jobs that declare one can be backfilled
   * ahead of a reserved gang.
   */
  'maxRuntimeSeconds'?: (number);
  /**
   * An OCI image reference (`docker.io/pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime`, `localhost/train:1`): the
   * command runs in a container of it, through the node's container runtime (podman), with the job's GPUs
   * injected as CDI devices. Pulled as the node's runtime is configured. Empty: the command runs on the host.
   * Not for `vm` jobs (their root filesystem archive is TESSERA_VM_IMAGE).
   */
  'image'?: (string);
  /**
   * With `image`: host paths bind-mounted into the container (at most 32).
   */
  'mounts'?: (_tessera_v1_ContainerMount)[];
}

/**
 * What an engineer submits.
 */
export interface JobSpec__Output {
  /**
   * Required; 1-253 characters, letters, digits and `-_.:/@` only.
   */
  'name': (string);
  /**
   * Defaults to `default`.
   */
  'tenant': (string);
  /**
   * Higher runs first; -1000..1000, default 0.
   */
  'priority': (number);
  /**
   * `training`, `inference`, `batch` (the default) or `vm`.
   */
  'kind': (string);
  'request': (_tessera_v1_ResourceRequest__Output | null);
  /**
   * The program and its arguments, run without a shell on the node (argv[0] is looked up in PATH).
   */
  'command': (string)[];
  /**
   * Extra environment for the command. Names starting with TESSERA_ or CUDA_ are reserved.
   */
  'env': ({[key: string]: string});
  /**
   * Working directory on the node; empty runs in the agent's job directory.
   */
  'workdir': (string);
  /**
   * Queue within the tenant; defaults to `default`. With a queue config (`tessera scheduler --queues FILE`) it
   * must be one of the configured queues.
   */
  'queue': (string);
  /**
   * A priority class of the queue config (e.g. `high`); its value replaces `priority`.
   */
  'priorityClass': (string);
  /**
   * May be stopped for higher-priority work of its own queue. Work on capacity borrowed from another queue of
   * the cohort is reclaimable by that queue either way.
   */
  'preemptible': (boolean);
  /**
   * When preempted, go back to Pending instead of ending as Preempted.
   */
  'requeueOnPreemption': (boolean);
  /**
   * Declared upper bound on the run time in seconds (0: none). Only jobs that declare one can be backfilled
   * ahead of a reserved gang.
   */
  'maxRuntimeSeconds': (number);
  /**
   * An OCI image reference (`docker.io/pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime`, `localhost/train:1`): the
   * command runs in a container of it, through the node's container runtime (podman), with the job's GPUs
   * injected as CDI devices. Pulled as the node's runtime is configured. Empty: the command runs on the host.
   * Not for `vm` jobs (their root filesystem archive is TESSERA_VM_IMAGE).
   */
  'image': (string);
  /**
   * With `image`: host paths bind-mounted into the container (at most 32).
   */
  'mounts': (_tessera_v1_ContainerMount__Output)[];
}
