import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { parse as parseYaml } from "yaml";
import { type Role, roles, type User } from "./Caller.ts";

/** An agent's token (`role: agent`): it may register, report and receive work as the nodes listed, nothing else. */
export interface AgentCredential {
  name: string;
  nodes: readonly string[];
}

type StoredEntry = { tokenSha256: Buffer } & (
  | { kind: "user"; user: User }
  | { kind: "agent"; agent: AgentCredential }
);

const entryRoles = [...roles, "agent"] as const;

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,62}$/;
const tenantPattern = /^[a-z0-9][a-z0-9\-_.]{0,62}$/;
const nodePattern = /^[a-z0-9][a-z0-9\-.]{0,62}$/;

function sha256(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

function parseUsers(text: string, path: string): StoredEntry[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${path}: not YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const users = (raw as { users?: unknown } | null)?.users;
  if (!Array.isArray(users) || users.length === 0) {
    throw new Error(
      `${path}: expected "users:" with a list of users (name, token or tokenSha256, role, tenants or nodes)`,
    );
  }
  const names = new Set<string>();
  return users.map((entry: unknown, i): StoredEntry => {
    const at = `${path}: users[${i}]`;
    const u = (entry ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(u)) {
      if (!["name", "token", "tokenSha256", "role", "tenants", "nodes"].includes(key)) {
        throw new Error(
          `${at}: unknown key "${key.slice(0, 40)}"; use name, token or tokenSha256, role, tenants (agents: nodes)`,
        );
      }
    }
    const name = String(u.name ?? "");
    if (!namePattern.test(name)) throw new Error(`${at}: name: use 1-63 letters, digits and _.@-`);
    if (names.has(name)) throw new Error(`${at}: ${name} is listed twice`);
    names.add(name);
    let digest: Buffer;
    if (typeof u.tokenSha256 === "string" && u.token === undefined) {
      if (!/^[0-9a-fA-F]{64}$/.test(u.tokenSha256)) {
        throw new Error(
          `${at} (${name}): tokenSha256 must be 64 hex digits (sha256sum of the token file's content)`,
        );
      }
      digest = Buffer.from(u.tokenSha256, "hex");
    } else if (typeof u.token === "string" && u.tokenSha256 === undefined) {
      if (u.token.length < 16) throw new Error(`${at} (${name}): token is shorter than 16 characters`);
      digest = sha256(u.token);
    } else {
      throw new Error(`${at} (${name}): give exactly one of token or tokenSha256`);
    }
    const role = String(u.role ?? "");
    if (!(entryRoles as readonly string[]).includes(role)) {
      throw new Error(`${at} (${name}): role must be one of ${entryRoles.join(", ")}`);
    }
    if (role === "agent") {
      const nodes = u.nodes;
      if (u.tenants !== undefined) throw new Error(`${at} (${name}): an agent has nodes, not tenants`);
      if (
        !Array.isArray(nodes) ||
        nodes.length === 0 ||
        nodes.some((n) => typeof n !== "string" || !nodePattern.test(n))
      ) {
        throw new Error(
          `${at} (${name}): an agent needs nodes: the node names it may act as (lower-case letters, digits, -.)`,
        );
      }
      return { kind: "agent", agent: { name, nodes: nodes as string[] }, tokenSha256: digest };
    }
    if (u.nodes !== undefined)
      throw new Error(`${at} (${name}): only an agent has nodes; a ${role} has tenants`);
    const tenants = u.tenants ?? [];
    if (!Array.isArray(tenants) || tenants.some((t) => typeof t !== "string" || !tenantPattern.test(t))) {
      throw new Error(
        `${at} (${name}): tenants must be a list of tenant names (lower-case letters, digits, -_.)`,
      );
    }
    if (role !== "admin" && tenants.length === 0) {
      throw new Error(`${at} (${name}): a ${role} needs at least one tenant`);
    }
    return {
      kind: "user",
      user: { name, role: role as Role, tenants: tenants as string[] },
      tokenSha256: digest,
    };
  });
}

/**
 * The scheduler's `--credentials FILE`: users, their token digests, roles and tenants, and agents' tokens with
 * their nodes. Re-read when the file changes; a file that does not parse is refused as a whole and the users in
 * force stay.
 */
export class CredentialsFile {
  private entries: StoredEntry[];

  constructor(readonly path: string) {
    this.entries = CredentialsFile.read(path);
  }

  /** Whose token this is, compared in constant time against every entry's digest. */
  private entryOf(token: string): StoredEntry | undefined {
    const digest = sha256(token);
    let found: StoredEntry | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(digest, entry.tokenSha256)) found = entry;
    }
    return found;
  }

  /** The user (admin, submitter, viewer) whose token this is. */
  userOf(token: string): User | undefined {
    const found = this.entryOf(token);
    return found?.kind === "user" ? found.user : undefined;
  }

  /** The agent whose token this is. */
  agentOf(token: string): AgentCredential | undefined {
    const found = this.entryOf(token);
    return found?.kind === "agent" ? found.agent : undefined;
  }

  reload(): number {
    this.entries = CredentialsFile.read(this.path);
    return this.entries.length;
  }

  /** Reloads when the file's modification time changes; `report` hears of every outcome. */
  follow(report: (line: string) => void, intervalMs = 1000): void {
    watchFile(this.path, { interval: intervalMs, persistent: false }, (now, before) => {
      if (now.mtimeMs === before.mtimeMs) return;
      try {
        report(`credentials ${this.path} reloaded: ${this.reload()} users`);
      } catch (error) {
        report(`${(error as Error).message}; the users read before stay in force`);
      }
    });
  }

  close(): void {
    unwatchFile(this.path);
  }

  private static read(path: string): StoredEntry[] {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new Error(`cannot read the credentials file ${path}: ${(error as Error).message}`);
    }
    return parseUsers(text, path);
  }
}
