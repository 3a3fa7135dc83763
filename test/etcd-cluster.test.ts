import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EtcdCluster } from "./support/EtcdCluster.ts";

let cluster: EtcdCluster;
beforeAll(async () => {
  cluster = await EtcdCluster.start(3);
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describe("EtcdCluster (test helper)", () => {
  it("runs 3 real members that keep a quorum write after one of them is killed", async () => {
    const client = cluster.client();
    try {
      const members = await client.cluster.memberList({});
      expect(members.members).toHaveLength(3);
      await cluster.killMember(0);
      await client.put("tessera-test/k").value("v");
      expect(await client.get("tessera-test/k").string()).toBe("v");
    } finally {
      client.close();
    }
  });
});
