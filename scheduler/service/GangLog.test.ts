import { describe, expect, it } from "vitest";
import { type OpenMemberLog, openGangLog, RankPrefixedLines } from "./GangLog.ts";

describe("rank-prefixed lines", () => {
  it("prefixes whole lines only, holding a partial line until it ends", () => {
    const lines = new RankPrefixedLines(1);
    expect(lines.push(Buffer.from("a\nb")).toString()).toBe("[rank 1] a\n");
    expect(lines.push(Buffer.from("c")).toString()).toBe("");
    expect(lines.push(Buffer.from("d\n\ne\n")).toString()).toBe("[rank 1] bcd\n[rank 1] \n[rank 1] e\n");
    expect(lines.push(Buffer.from("tail")).toString()).toBe("");
    expect(lines.finish("agent gone").toString()).toBe("[rank 1] tail\n[rank 1] [tessera: agent gone]\n");
    expect(lines.finish().toString()).toBe("");
  });
});

/** Members whose logs arrive when `deliver` is called: each member's chunks, then its end. */
function fakeMembers(logs: Record<string, { chunks: string[]; error?: string } | Error>) {
  const pending: (() => void)[] = [];
  const open: OpenMemberLog = (node, onChunk, onEnd) => {
    const log = logs[node]!;
    if (log instanceof Error) throw log;
    pending.push(() => {
      for (const c of log.chunks) onChunk(Buffer.from(c));
      onEnd(log.error);
    });
    return () => {};
  };
  const deliver = () => {
    for (const f of pending.splice(0)) f();
  };
  return { open, deliver };
}

describe("a gang's log", () => {
  it("streams every member's lines prefixed with its rank, and ends once all have ended", () => {
    const { open, deliver } = fakeMembers({
      a: { chunks: ["one\ntw", "o\n"] },
      b: { chunks: ["x"], error: "the agent of node b disconnected" },
      c: new Error("the log of job j is on node c, whose agent is not connected"),
    });
    let out = "";
    let ended: string | undefined | null = null;
    const members = [
      { rank: 0, node: "a" },
      { rank: 1, node: "b" },
      { rank: 2, node: "c" },
    ];
    openGangLog(
      members,
      open,
      (d) => {
        out += d.toString();
      },
      (e) => {
        ended = e;
      },
    );
    expect(out).toBe(
      "[rank 2] [tessera: no output: the log of job j is on node c, whose agent is not connected]\n",
    );
    expect(ended).toBeNull();
    deliver();
    expect(out.split("\n").slice(1)).toEqual([
      "[rank 0] one",
      "[rank 0] two",
      "[rank 1] x",
      "[rank 1] [tessera: no more output: the agent of node b disconnected]",
      "",
    ]);
    expect(ended).toBeUndefined();
  });

  it("refuses as the first member did when no member has output", () => {
    const { open } = fakeMembers({ a: new Error("no output yet"), b: new Error("no output yet either") });
    expect(() =>
      openGangLog(
        [
          { rank: 0, node: "a" },
          { rank: 1, node: "b" },
        ],
        open,
        () => {},
        () => {},
      ),
    ).toThrow("no output yet");
  });
});
