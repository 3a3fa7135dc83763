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
    [
      "bad role",
      "users: [{ name: a, token: 0123456789abcdefg, role: root }]",
      /admin, submitter, viewer, agent/,
    ],
    ["agent without nodes", "users: [{ name: a, token: 0123456789abcdefg, role: agent }]", /needs nodes/],
    [
      "agent with tenants",
      "users: [{ name: a, token: 0123456789abcdefg, role: agent, nodes: [n1], tenants: [t] }]",
      /nodes, not tenants/,
    ],
    [
      "user with nodes",
      "users: [{ name: a, token: 0123456789abcdefg, role: viewer, tenants: [t], nodes: [n1] }]",
      /only an agent has nodes/,
    ],
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
    const agent = authorizer.caller(undefined, { name: "node:gpu-1", nodes: ["gpu-1"], certificate: true });
    expect(() => agent.requireAgentFor("gpu-1")).not.toThrow();
    expect(() => agent.requireUser()).toThrow(/agent identity/);
  });

  it("lets an agent token act as its nodes only, and only without mTLS", () => {
    const credentials = new CredentialsFile(
      file(
        "users:\n" +
          "  - { name: rack-1, token: rack-1-token-0123456789, role: agent, nodes: [gpu-1, gpu-2] }\n" +
          "  - { name: vic, token: vic-token-0123456789, role: viewer, tenants: [team-a] }\n",
      ),
    );
    const plain = new Authorizer({ credentials, mtls: false, token: "shared-token-0123456789" });
    const rack = plain.caller("Bearer rack-1-token-0123456789", undefined);
    expect(() => rack.requireAgentFor("gpu-2")).not.toThrow();
    expect(() => rack.requireAgentFor("gpu-3")).toThrow(/rack-1 may act as gpu-1, gpu-2 only, not as gpu-3/);
    expect(() => rack.requireUser()).toThrow(/agent identity/);
    expect(() => plain.caller("Bearer vic-token-0123456789", undefined).requireAgentFor("gpu-1")).toThrow(
      /role: agent/,
    );
    // With a credentials file the shared token is an admin, no longer any agent.
    expect(() => plain.caller("Bearer shared-token-0123456789", undefined).requireAgentFor("gpu-1")).toThrow(
      /a user token cannot act as an agent/,
    );
    const mtls = new Authorizer({ credentials, mtls: true });
    expect(() => mtls.caller("Bearer rack-1-token-0123456789", undefined)).toThrow(
      /client certificate instead/,
    );
  });
});
