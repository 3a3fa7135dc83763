/**
 * What makes a write the leader's: the leader's election key and the revision that created it. A write commits
 * only in a transaction that finds the key with that create revision, so once the leader's lease has expired (its
 * key deleted, a successor elected) its writes are refused, even if the deposed process has not noticed yet.
 */
export interface LeadershipFence {
  key: string;
  createRevision: string;
}
