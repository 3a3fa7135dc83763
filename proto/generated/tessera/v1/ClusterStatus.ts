// Original file: proto/tessera/v1/cluster.proto


export interface ClusterStatus {
  /**
   * The address this scheduler announces (its --advertise or listen address).
   */
  'self'?: (string);
  /**
   * "leader", "follower", or "single" (one scheduler on its SQLite file, no election).
   */
  'role'?: (string);
  /**
   * The leader's address; empty while no scheduler leads (etcd without quorum, or an election under way).
   */
  'leader'?: (string);
  /**
   * The other candidates, in the order they would take over.
   */
  'followers'?: (string)[];
  /**
   * The job store: "sqlite:FILE" or "etcd://HOST:PORT,..." (no credentials).
   */
  'store'?: (string);
}

export interface ClusterStatus__Output {
  /**
   * The address this scheduler announces (its --advertise or listen address).
   */
  'self': (string);
  /**
   * "leader", "follower", or "single" (one scheduler on its SQLite file, no election).
   */
  'role': (string);
  /**
   * The leader's address; empty while no scheduler leads (etcd without quorum, or an election under way).
   */
  'leader': (string);
  /**
   * The other candidates, in the order they would take over.
   */
  'followers': (string)[];
  /**
   * The job store: "sqlite:FILE" or "etcd://HOST:PORT,..." (no credentials).
   */
  'store': (string);
}
