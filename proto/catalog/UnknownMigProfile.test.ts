import { describe, expect, it } from "vitest";
import { isCatalogMigProfile, unknownMigProfileText } from "./UnknownMigProfile.ts";

describe("unknown MIG profile message", () => {
  it("suggests the closest profile and lists the fleet's models' profiles, smallest first", () => {
    expect(isCatalogMigProfile("1g.11gb")).toBe(false);
    expect(isCatalogMigProfile("3g.40gb")).toBe(true);
    const text = unknownMigProfileText("1g.11gb", ["L4-24GB", "H100-SXM5-80GB", "H100-SXM5-80GB"]);
    const [first, second] = text.split("\n");
    expect(first).toBe('unknown MIG profile "1g.11gb"; did you mean 1g.10gb?');
    expect(second).toMatch(/^profiles of the GPU models in this fleet \(H100-SXM5-80GB\): 1g\.10gb, /);
    const listed = second!.split(": ")[1]!.split(", ");
    expect(listed).toEqual(["1g.10gb", "1g.10gb+me", "1g.20gb", "2g.20gb", "3g.40gb", "4g.40gb", "7g.80gb"]);
    expect(text.split("\n")).toHaveLength(2);
  });

  it("gives no suggestion for a name far from every profile, and says when no model has MIG", () => {
    expect(unknownMigProfileText("banana", ["A100-SXM4-40GB"])).not.toContain("did you mean");
    expect(unknownMigProfileText("1g.11gb", ["L4-24GB"])).toBe(
      'unknown MIG profile "1g.11gb", and no GPU model in this fleet (L4-24GB) has MIG: use --share or --gpus',
    );
  });
});
