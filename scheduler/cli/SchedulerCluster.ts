import * as grpc from "@grpc/grpc-js";
import type { ClusterServiceClient } from "../../proto/generated/tessera/v1/ClusterService.ts";
import type { ClusterStatus__Output } from "../../proto/generated/tessera/v1/ClusterStatus.ts";
import { redirectedLeader, schedulerReconnectBackoff } from "../../proto/tessera/LeaderRedirect.ts";
import { tokenClientOptions } from "../../proto/tessera/SchedulerEndpoint.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import { channelCredentials, type TlsMaterial } from "../../proto/tessera/TlsFiles.ts";
import { SchedulerClient } from "./SchedulerClient.ts";

const statusDeadlineMs = 1500;

/**
 * The schedulers a client was given (`--scheduler a:7070,b:7070`): finds the leader through ClusterService and
 * follows it when it changes. With one address, that one is used as it is (a single SQLite scheduler).
 */
export class SchedulerCluster {
  private leaderClient: SchedulerClient | undefined;

  constructor(
    readonly addresses: readonly string[],
    private readonly token?: string,
    /** Per call; a paused leader holds calls until then, so followers of fast failover pass a short one. */
    private readonly callDeadlineMs = 30_000,
    private readonly tls?: TlsMaterial,
  ) {}

  /** What one scheduler says about the cluster. */
  status(address: string): Promise<ClusterStatus__Output> {
    const client: ClusterServiceClient = new (tesseraV1().ClusterService)(
      address,
      channelCredentials(this.tls),
      { ...tokenClientOptions(this.token), ...schedulerReconnectBackoff },
    );
    return new Promise<ClusterStatus__Output>((resolve, reject) =>
      client.GetStatus({}, { deadline: Date.now() + statusDeadlineMs }, (err, res) =>
        err ? reject(err) : resolve(res!),
      ),
    ).finally(() => client.close());
  }

  /** The leader's address, as the first scheduler that knows one says; throws when none does. */
  async leader(): Promise<string> {
    if (this.addresses.length === 1) return this.addresses[0]!;
    const answers = await Promise.allSettled(this.addresses.map((a) => this.status(a)));
    for (const a of answers) if (a.status === "fulfilled" && a.value.leader) return a.value.leader;
    const why = answers.map((a, i) =>
      a.status === "fulfilled"
        ? `${this.addresses[i]}: no leader known`
        : `${this.addresses[i]}: ${(a.reason as Error).message}`,
    );
    throw new Error(
      `no scheduler of ${this.addresses.join(",")} leads right now (${why.join("; ")}); retry shortly`,
    );
  }

  /** A client of the leader (kept until a call through `withLeader` finds it gone). */
  async client(): Promise<SchedulerClient> {
    this.leaderClient ??= new SchedulerClient(await this.leader(), this.token, this.callDeadlineMs, this.tls);
    return this.leaderClient;
  }

  /**
   * Runs `call` against the leader; while the leader is unreachable or refuses (a follower's redirect, a deposed
   * leader's UNAVAILABLE), finds the leader again and retries until `timeoutMs` has passed. Only for calls that are
   * safe to repeat (a submit with a client request id is).
   */
  async withLeader<T>(call: (client: SchedulerClient) => Promise<T>, timeoutMs: number): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      let client: SchedulerClient | undefined;
      try {
        client = await this.client();
        return await call(client);
      } catch (err) {
        const code = (err as grpc.ServiceError).code;
        const retriable =
          code === undefined || code === grpc.status.UNAVAILABLE || code === grpc.status.DEADLINE_EXCEEDED;
        if (!retriable || Date.now() > end) throw err;
        const hinted = redirectedLeader(err as grpc.ServiceError);
        if (client === this.leaderClient) {
          this.leaderClient?.close();
          this.leaderClient = hinted
            ? new SchedulerClient(hinted, this.token, this.callDeadlineMs, this.tls)
            : undefined;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  close(): void {
    this.leaderClient?.close();
  }
}
