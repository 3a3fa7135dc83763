import { createHash } from "node:crypto";

/** Where a gang's members run: the node of each rank (rank = index), and how rank 0 is reached. */
export interface GangLayout {
  /** The node of each member, by rank. Several members may share a node. */
  memberNodes: readonly string[];
  /** Rank 0's node address as its agent reported it (Register.address); its node name when it reported none. */
  masterAddress: string;
  /** The rendezvous port the scheduler chose for this attempt (see {@link gangMasterPort}). */
  masterPort: number;
}

/** Ports handed out for rendezvous: above the registered range most services use, below the ephemeral range. */
const FIRST_PORT = 29500;
const PORT_COUNT = 2500;

/**
 * The rendezvous port of one attempt of a gang: derived from job id and attempt, so every member and every
 * scheduler restart agree on it without storing it, and a retry gets another port than the attempt it replaces.
 */
export function gangMasterPort(jobId: string, attempt: number): number {
  const digest = createHash("sha256").update(`${jobId}#${attempt}`).digest();
  return FIRST_PORT + (digest.readUInt32BE(0) % PORT_COUNT);
}

/**
 * The environment of one gang member: Tessera's own names and PyTorch's (`torch.distributed` env:// init),
 * counting one process per member; LOCAL_* count the members that share this member's node.
 */
export function gangMemberEnv(layout: GangLayout, rank: number): Record<string, string> {
  const size = layout.memberNodes.length;
  const node = layout.memberNodes[rank];
  if (node === undefined) throw new RangeError(`gang rank ${rank} is outside 0..${size - 1}`);
  const onNode = layout.memberNodes.flatMap((n, r) => (n === node ? [r] : []));
  return {
    TESSERA_GANG_RANK: String(rank),
    TESSERA_GANG_SIZE: String(size),
    RANK: String(rank),
    WORLD_SIZE: String(size),
    LOCAL_RANK: String(onNode.indexOf(rank)),
    LOCAL_WORLD_SIZE: String(onNode.length),
    MASTER_ADDR: layout.masterAddress,
    MASTER_PORT: String(layout.masterPort),
  };
}
