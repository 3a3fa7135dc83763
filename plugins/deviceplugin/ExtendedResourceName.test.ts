import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extendedResourceNameProblem } from "./ExtendedResourceName.ts";

const isExtendedResourceName = (name: string) => extendedResourceNameProblem(name) === null;

describe("extended resource names", () => {
  it("accepts and refuses the fact sheet's examples", () => {
    for (const name of [
      "nvidia.com/gpu",
      "nvidia.com/mig-1g.10gb",
      "nvidia.com/gpu.shared",
      "nvidia.com/GP102GL_Tesla_P40",
      "example.com/resource",
    ]) {
      expect(isExtendedResourceName(name), name).toBe(true);
    }
    for (const name of [
      "gpu",
      "kubernetes.io/gpu",
      "requests.example.com/x",
      "Example.com/x",
      "a.com/b/c",
      "a.com/",
    ]) {
      expect(isExtendedResourceName(name), name).toBe(false);
    }
    expect(extendedResourceNameProblem("gpu")).toContain("no vendor domain");
    expect(extendedResourceNameProblem(`a.com/${"x".repeat(64)}`)).toContain("1-63");
  });

  it("accepts every lower-case domain with a well-formed type", () => {
    const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
    const type = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 4 }), type, (labels, t) => {
        const name = `${labels.join(".")}/${t}`;
        fc.pre(!name.startsWith("requests.") && !name.includes("kubernetes.io/"));
        expect(isExtendedResourceName(name)).toBe(true);
      }),
    );
  });

  it("refuses any name with upper case in the domain", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,5}[A-Z][a-z]{0,5}$/), (domain) => {
        expect(isExtendedResourceName(`${domain}.com/gpu`)).toBe(false);
      }),
    );
  });
});
