import type * as grpc from "@grpc/grpc-js";
import type { NodeServiceClient } from "../../proto/generated/tessera/v1/NodeService.ts";
import { parseSchedulerAddresses, redirectedLeader } from "../../proto/tessera/LeaderRedirect.ts";
import { nodeServiceV1 } from "../../proto/tessera/NodeServiceGrpc.ts";

/**
 * The schedulers an agent may talk to (`--scheduler a:7070,b:7070`) and the one it talks to now: a follower's
 * refusal names the leader, which the next connect uses; any other failure moves on to the next address.
 */
export class SchedulerTargets {
  private readonly addresses: string[];
  private readonly clients = new Map<string, NodeServiceClient>();
  private current: string;

  constructor(
    addresses: string,
    private readonly credentials: grpc.ChannelCredentials,
    private readonly clientOptions: grpc.ClientOptions,
  ) {
    this.addresses = parseSchedulerAddresses(addresses, "--scheduler");
    this.current = this.addresses[0]!;
  }

  get address(): string {
    return this.current;
  }

  /** The client of the scheduler to connect to now. */
  client(): NodeServiceClient {
    let client = this.clients.get(this.current);
    if (!client) {
      client = new (nodeServiceV1())(this.current, this.credentials, this.clientOptions);
      this.clients.set(this.current, client);
    }
    return client;
  }

  /** The stream to the current scheduler failed with `error`: pick where the next connect goes. */
  failed(error: grpc.ServiceError): void {
    const leader = redirectedLeader(error);
    if (leader) {
      this.current = leader;
    } else if (this.addresses.length > 1) {
      const at = this.addresses.indexOf(this.current);
      this.current = this.addresses[(at + 1) % this.addresses.length]!;
    }
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
  }
}
