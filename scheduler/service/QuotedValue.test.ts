import { describe, expect, it } from "vitest";
import { quoted } from "./QuotedValue.ts";

describe("quoted", () => {
  it("quotes short values whole and long ones by a prefix and their length", () => {
    expect(quoted("team-a")).toBe('"team-a"');
    const long = quoted("x".repeat(1_000_000));
    expect(long).toBe(`"${"x".repeat(64)}"... (1000000 characters)`);
  });
});
