import type { AuditEntry, AuditLog } from "./AuditLog.ts";
import type { Authorizer } from "./Authorizer.ts";

/** What the gRPC and HTTP edges need to check callers and record what they did. */
export interface EdgeSecurity {
  authorizer: Authorizer;
  audit(who: string, action: string, target: string, detail?: string): void;
  /** The latest audit entries, oldest first. */
  recentAudit(limit: number): AuditEntry[];
}

/** Edge security over an audit log (absent: actions are checked but not recorded). */
export function edgeSecurity(authorizer: Authorizer, log: AuditLog | undefined): EdgeSecurity {
  return {
    authorizer,
    audit: (who, action, target, detail = "") => log?.record(who, action, target, detail),
    recentAudit: (limit) => log?.list({ limit }) ?? [],
  };
}
