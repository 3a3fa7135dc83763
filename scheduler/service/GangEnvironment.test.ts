import { describe, expect, it } from "vitest";
import { gangMasterPort, gangMemberEnv } from "./GangEnvironment.ts";

describe("gang member environment", () => {
  const layout = {
    memberNodes: ["node-a", "node-b", "node-c"],
    masterAddress: "10.0.0.7",
    masterPort: 29611,
  };

  it("gives every member its rank, the world size and rank 0's address and port, in Tessera's and PyTorch's names", () => {
    expect(gangMemberEnv(layout, 1)).toEqual({
      TESSERA_GANG_RANK: "1",
      TESSERA_GANG_SIZE: "3",
      RANK: "1",
      WORLD_SIZE: "3",
      LOCAL_RANK: "0",
      LOCAL_WORLD_SIZE: "1",
      MASTER_ADDR: "10.0.0.7",
      MASTER_PORT: "29611",
    });
    const all = layout.memberNodes.map((_, rank) => gangMemberEnv(layout, rank));
    expect(all.map((env) => env.RANK)).toEqual(["0", "1", "2"]);
    expect(new Set(all.map((env) => `${env.MASTER_ADDR}:${env.MASTER_PORT}`)).size).toBe(1);
  });

  it("counts local ranks among the members that share a node", () => {
    const shared = { ...layout, memberNodes: ["node-a", "node-b", "node-a", "node-a"] };
    const local = shared.memberNodes.map((_, rank) => gangMemberEnv(shared, rank));
    expect(local.map((env) => [env.LOCAL_RANK, env.LOCAL_WORLD_SIZE])).toEqual([
      ["0", "3"],
      ["0", "1"],
      ["1", "3"],
      ["2", "3"],
    ]);
  });

  it("refuses a rank outside the gang", () => {
    expect(() => gangMemberEnv(layout, 3)).toThrow("gang rank 3 is outside 0..2");
  });

  it("chooses the same port for an attempt every time, in the rendezvous range, and another one for a retry", () => {
    const port = gangMasterPort("j-1234", 1);
    expect(gangMasterPort("j-1234", 1)).toBe(port);
    expect(port).toBeGreaterThanOrEqual(29500);
    expect(port).toBeLessThan(32000);
    const retries = new Set([1, 2, 3, 4, 5].map((attempt) => gangMasterPort("j-1234", attempt)));
    expect(retries.size).toBeGreaterThan(1);
  });
});
