import * as grpc from "@grpc/grpc-js";
import { describe, expect, it } from "vitest";
import { followerRefusal } from "../../proto/tessera/LeaderRedirect.ts";
import { SchedulerTargets } from "./SchedulerTargets.ts";

function failure(status: Partial<grpc.StatusObject>): grpc.ServiceError {
  return Object.assign(new Error(status.details), {
    code: status.code ?? grpc.status.UNAVAILABLE,
    details: status.details ?? "",
    metadata: status.metadata ?? new grpc.Metadata(),
  });
}

describe("SchedulerTargets", () => {
  it("goes to the leader a follower names, and to the next address when one is unreachable", () => {
    const targets = new SchedulerTargets(
      "127.0.0.1:7001,127.0.0.1:7002,127.0.0.1:7003",
      grpc.credentials.createInsecure(),
      {},
    );
    expect(targets.address).toBe("127.0.0.1:7001");
    targets.failed(failure(followerRefusal("127.0.0.1:7001", "127.0.0.1:7003")));
    expect(targets.address).toBe("127.0.0.1:7003");
    targets.failed(failure({ details: "connection refused" }));
    expect(targets.address).toBe("127.0.0.1:7001");
    targets.failed(failure(followerRefusal("127.0.0.1:7001", undefined)));
    expect(targets.address).toBe("127.0.0.1:7002");
    targets.close();
  });

  it("refuses an address list with a bad entry", () => {
    expect(
      () => new SchedulerTargets("127.0.0.1:7001,nohost", grpc.credentials.createInsecure(), {}),
    ).toThrow(/--scheduler "nohost" is not HOST:PORT/);
  });
});
