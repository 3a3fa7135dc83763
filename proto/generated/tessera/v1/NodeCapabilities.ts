// Original file: proto/tessera/v1/node.proto


/**
 * What kinds of job a node can run beyond plain processes. The scheduler places a job that needs one of these
 * only on nodes that advertise it.
 */
export interface NodeCapabilities {
  /**
   * VM runtimes that answered their probe (e.g. `qemu`, `cloud-hypervisor`).
   */
  'vmRuntimes'?: (string)[];
  /**
   * An MPS control daemon can be run for shared GPUs.
   */
  'mps'?: (boolean);
  /**
   * Container runtimes that answered (e.g. `podman`).
   */
  'containerRuntimes'?: (string)[];
  /**
   * False while the agent's slow probes (KVM, VM runtimes) are still running; the lists may grow when they end.
   */
  'probed'?: (boolean);
}

/**
 * What kinds of job a node can run beyond plain processes. The scheduler places a job that needs one of these
 * only on nodes that advertise it.
 */
export interface NodeCapabilities__Output {
  /**
   * VM runtimes that answered their probe (e.g. `qemu`, `cloud-hypervisor`).
   */
  'vmRuntimes': (string)[];
  /**
   * An MPS control daemon can be run for shared GPUs.
   */
  'mps': (boolean);
  /**
   * Container runtimes that answered (e.g. `podman`).
   */
  'containerRuntimes': (string)[];
  /**
   * False while the agent's slow probes (KVM, VM runtimes) are still running; the lists may grow when they end.
   */
  'probed': (boolean);
}
