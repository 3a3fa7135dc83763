import type { Campaign, Election, Etcd3 } from "etcd3";
import type { LeadershipFence } from "../store/LeadershipFence.ts";

export interface LeaderElectionOptions {
  /** Key prefix of everything Tessera keeps in etcd (default `/tessera/`). */
  prefix?: string;
  /** Lease TTL of the election key: how long a dead leader holds on before a follower takes over. */
  ttlSeconds: number;
  /** What this candidate announces: its gRPC address, where followers redirect clients. */
  address: string;
}

/**
 * Leader election among schedulers (etcd's election recipe: each candidate writes a key under one prefix with its
 * lease; the oldest key leads). The winner's key and create revision are its LeadershipFence.
 */
export class LeaderElection {
  private readonly election: Election;
  private campaign: Campaign | undefined;

  constructor(
    private readonly client: Etcd3,
    private readonly options: LeaderElectionOptions,
  ) {
    this.election = client.namespace(options.prefix ?? "/tessera/").election("scheduler", options.ttlSeconds);
  }

  /**
   * Resolves once this candidate leads, with its fence; `onLost` is called at most once, when its lease is lost
   * (etcd expired it, e.g. after this process was paused for longer than the TTL).
   */
  async campaignUntilElected(onLost: (why: string) => void): Promise<LeadershipFence> {
    const campaign = this.election.campaign(this.options.address);
    this.campaign = campaign;
    let elected = false;
    await new Promise<void>((resolve, reject) => {
      campaign.on("elected", () => {
        elected = true;
        resolve();
      });
      campaign.on("error", (err: Error) => {
        if (elected) onLost(`the election lease was lost: ${err.message}`);
        else reject(err);
      });
    });
    const key = await campaign.getCampaignKey();
    const stored = await this.client.get(key).exec();
    const createRevision = stored.kvs[0]?.create_revision;
    if (!createRevision) throw new Error(`the election key ${key} vanished right after this scheduler won`);
    return { key, createRevision };
  }

  /** The current leader's address, or undefined while there is none. */
  async leader(): Promise<string | undefined> {
    return this.election.leader();
  }

  /** Every candidate's address (leader first), from the election keys. */
  async candidates(): Promise<string[]> {
    const prefix = `${this.options.prefix ?? "/tessera/"}election/scheduler/`;
    const kvs = (await this.client.getAll().prefix(prefix).sort("Create", "Ascend").exec()).kvs;
    return kvs.map((kv) => kv.value.toString());
  }

  /** Gives up leadership (or candidacy) now, so a follower takes over without waiting for the TTL. */
  async resign(): Promise<void> {
    await this.campaign?.resign();
  }
}
