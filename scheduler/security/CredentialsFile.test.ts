import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Authorizer } from "./Authorizer.ts";
import { CredentialsFile } from "./CredentialsFile.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string): string {
  const path = join(dir, `c-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(path, text);
  return path;
}

describe("CredentialsFile", () => {
  it.each([
    ["no users", "users: []", /expected "users:"/],
    [
      "both secrets",
      "users: [{ name: a, token: 0123456789abcdefg, tokenSha256: x, role: admin }]",
      /exactly one of/,
    ],
    ["short token", "users: [{ name: a, token: short, role: admin }]", /shorter than 16/],
    ["bad digest", "users: [{ name: a, tokenSha256: abc, role: admin }]", /64 hex digits/],
    ["bad role", "users: [{ name: a, token: 0123456789abcdefg, role: root }]", /admin, submitter, viewer/],
    [
      "no tenants",
      "users: [{ name: a, token: 0123456789abcdefg, role: submitter }]",
      /needs at least one tenant/,
    ],
    [
      "unknown key",
      "users: [{ name: a, token: 0123456789abcdefg, role: admin, group: x }]",
      /unknown key "group"/,
    ],
  ])("refuses %s with the file and the entry", (_what, text, message) => {
    const path = file(text);
    expect(() => new CredentialsFile(path)).toThrow(message);
    expect(() => new CredentialsFile(path)).toThrow(path);
  });

  it("finds users by token, and the Authorizer turns them into callers with their tenants", () => {
    const credentials = new CredentialsFile(
      file(
        "users:\n  - { name: alice, token: alice-token-0123456789, role: submitter, tenants: [team-a, team-c] }\n",
      ),
    );
    const authorizer = new Authorizer({ credentials, mtls: true });
    const alice = authorizer.caller("Bearer alice-token-0123456789", undefined);
    expect(alice.submitTenant("")).toBe("team-a");
    expect(alice.sees("team-c")).toBe(true);
    expect(alice.sees("team-b")).toBe(false);
    expect(() => alice.requireAdmin("reading the audit log")).toThrow(
      /needs the admin role; alice is a submitter/,
    );
    expect(() => alice.requireAgentFor("gpu-1")).toThrow(/a user token cannot act as an agent/);
    expect(() => authorizer.caller("Bearer wrong-token-0123456789", undefined)).toThrow(/wrong token/);
    const agent = authorizer.caller(undefined, "gpu-1");
    expect(() => agent.requireAgentFor("gpu-1")).not.toThrow();
    expect(() => agent.requireUser()).toThrow(/agent identity/);
  });
});
