import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SqliteJobStore } from "../store/SqliteJobStore.ts";
import { Authorizer } from "./Authorizer.ts";
import { edgeSecurity } from "./EdgeSecurity.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("edgeSecurity", () => {
  it("shows an admin the audit entry of what they just did, though the store writes it in a later batch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-audit-"));
    dirs.push(dir);
    // A long batch delay: the entry is still unwritten when the read comes.
    const store = new SqliteJobStore(join(dir, "jobs.db"), { updateDelayMs: 200 });
    const warnings: string[] = [];
    const security = edgeSecurity(
      new Authorizer({ mtls: false }),
      store,
      (l) => warnings.push(l),
      () => 1_000,
    );
    security.audit("ada", "node-remove", "l4-a");
    const entries = await security.recentAudit({ limit: 10 });
    expect(entries).toEqual([{ atMs: 1_000, who: "ada", action: "node-remove", target: "l4-a", detail: "" }]);
    expect(warnings).toEqual([]);
    store.close();
  });

  it("says which entry it could not store, and a read after it still waits for that write", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tessera-audit-"));
    dirs.push(dir);
    const store = new SqliteJobStore(join(dir, "jobs.db"));
    const warnings: string[] = [];
    const security = edgeSecurity(new Authorizer({ mtls: false }), store, (l) => warnings.push(l));
    store.close();
    security.audit("ada", "cancel", "j-1");
    await expect(security.recentAudit({ limit: 10 })).rejects.toThrow();
    expect(warnings).toEqual([expect.stringContaining("audit entry not stored (ada cancel j-1)")]);
  });
});
