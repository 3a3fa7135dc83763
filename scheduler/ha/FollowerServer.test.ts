import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redirectedLeader } from "../../proto/tessera/LeaderRedirect.ts";
import { SchedulerClient } from "../cli/SchedulerClient.ts";
import { SchedulerCluster } from "../cli/SchedulerCluster.ts";
import { Authorizer } from "../security/Authorizer.ts";
import { type FollowerServer, startFollowerServer } from "./FollowerServer.ts";

const token = "follower-test-token-0123456789";
let follower: FollowerServer;

beforeAll(async () => {
  follower = await startFollowerServer(
    { host: "127.0.0.1", port: 0 },
    () => "127.0.0.1:1",
    async () => "127.0.0.1:2",
    async () => ({
      self: "127.0.0.1:1",
      role: "follower",
      leader: "127.0.0.1:2",
      followers: [],
      store: "etcd://x",
    }),
    {
      transport: grpc.ServerCredentials.createInsecure(),
      authorizer: new Authorizer({ token, mtls: false }),
    },
  );
});
afterAll(async () => {
  await follower?.close();
});

describe("a follower", () => {
  it("answers GetStatus on the leader's terms: a token is needed", async () => {
    const anonymous = new SchedulerCluster([follower.address]);
    await expect(anonymous.status(follower.address)).rejects.toMatchObject({
      code: grpc.status.UNAUTHENTICATED,
    });
    const known = new SchedulerCluster([follower.address], token);
    await expect(known.status(follower.address)).resolves.toMatchObject({ leader: "127.0.0.1:2" });
  });

  it("redirects other calls to the leader without one", async () => {
    const client = new SchedulerClient(follower.address, undefined, 5000);
    try {
      const refusal = await client.list().then(
        () => undefined,
        (err: grpc.ServiceError) => err,
      );
      expect(refusal?.code).toBe(grpc.status.UNAVAILABLE);
      expect(redirectedLeader(refusal!)).toBe("127.0.0.1:2");
    } finally {
      client.close();
    }
  });
});
