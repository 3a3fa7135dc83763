import { describe, expect, it } from "vitest";
import { JobUidRange } from "./JobUidRange.ts";

describe("JobUidRange", () => {
  it("parses FIRST-LAST and hands out the lowest free id", () => {
    const range = JobUidRange.parse("20000-20002");
    expect(range.pick(new Set())).toBe(20000);
    expect(range.pick(new Set([20000, 20001]))).toBe(20002);
    expect(() => range.pick(new Set([20000, 20001, 20002]))).toThrow(/widen the range/);
  });

  it.each(["", "20000", "999-2000", "3000-2000", "1-99999999999"])("refuses %j", (text) => {
    expect(() => JobUidRange.parse(text)).toThrow(/--uid-range .*FIRST-LAST/);
  });
});
