import { describe, expect, it } from "vitest";
import { pairedDifference } from "./PairedDifference.ts";

describe("paired difference", () => {
  it("gives the mean difference and Student's 95% interval", () => {
    // Differences 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.3027, half-width 4.3027 / sqrt(3) = 2.4841.
    const r = pairedDifference([11, 12, 13], [10, 10, 10]);
    expect(r.mean).toBeCloseTo(2, 10);
    expect(r.sd).toBeCloseTo(1, 10);
    expect(r.ciLow).toBeCloseTo(2 - 2.4841, 3);
    expect(r.ciHigh).toBeCloseTo(2 + 2.4841, 3);
    expect(r.significant).toBe(false);
  });

  it("calls a difference significant only when the interval excludes zero", () => {
    const a = Array.from({ length: 20 }, (_, i) => 95 + (i % 2) * 0.02);
    const b = a.map((x) => x - 0.1);
    expect(pairedDifference(a, b).significant).toBe(true);
    expect(pairedDifference(b, a).ciHigh).toBeLessThan(0);
  });

  it("refuses unpaired series", () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/equally long/);
  });
});
