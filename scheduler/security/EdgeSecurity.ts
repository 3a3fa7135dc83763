import type { AuditEntry, AuditQuery } from "../store/AuditEntry.ts";
import type { JobStore } from "../store/JobStore.ts";
import type { Authorizer } from "./Authorizer.ts";

/** What the gRPC and HTTP edges need to check callers and record what they did. */
export interface EdgeSecurity {
  authorizer: Authorizer;
  /** Records an action in the store's audit log without holding up the call; a failure is reported. */
  audit(who: string, action: string, target: string, detail?: string): void;
  /** The latest audit entries, oldest first, including every entry recorded before the call. */
  recentAudit(query: AuditQuery): Promise<AuditEntry[]>;
}

/** Edge security over the job store's audit log (SQLite, etcd: the same store as the jobs). */
export function edgeSecurity(
  authorizer: Authorizer,
  store: JobStore,
  warn: (line: string) => void,
  clock: () => number = Date.now,
): EdgeSecurity {
  // Entries still on their way to the store: a read waits for them, so an admin sees what they just did.
  const inFlight = new Set<Promise<void>>();
  return {
    authorizer,
    audit: (who, action, target, detail = "") => {
      const entry = {
        atMs: clock(),
        who,
        action,
        target: target.slice(0, 200),
        detail: detail.slice(0, 500),
      };
      const write = store
        .recordAudit(entry)
        .catch((err: Error) =>
          warn(`audit entry not stored (${who} ${action} ${entry.target}): ${err.message}`),
        )
        .finally(() => inFlight.delete(write));
      inFlight.add(write);
    },
    recentAudit: async (query) => {
      await Promise.all(inFlight);
      return store.listAudit(query);
    },
  };
}
