import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { parse as parseYaml } from "yaml";
import { type Role, roles, type User } from "./Caller.ts";

interface StoredUser extends User {
  tokenSha256: Buffer;
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,62}$/;
const tenantPattern = /^[a-z0-9][a-z0-9\-_.]{0,62}$/;

function sha256(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}

function parseUsers(text: string, path: string): StoredUser[] {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    throw new Error(`${path}: not YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const users = (raw as { users?: unknown } | null)?.users;
  if (!Array.isArray(users) || users.length === 0) {
    throw new Error(
      `${path}: expected "users:" with a list of users (name, token or tokenSha256, role, tenants)`,
    );
  }
  const names = new Set<string>();
  return users.map((entry: unknown, i): StoredUser => {
    const at = `${path}: users[${i}]`;
    const u = (entry ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(u)) {
      if (!["name", "token", "tokenSha256", "role", "tenants"].includes(key)) {
        throw new Error(
          `${at}: unknown key "${key.slice(0, 40)}"; use name, token or tokenSha256, role, tenants`,
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
    if (!(roles as readonly string[]).includes(role)) {
      throw new Error(`${at} (${name}): role must be one of ${roles.join(", ")}`);
    }
    const tenants = u.tenants ?? [];
    if (!Array.isArray(tenants) || tenants.some((t) => typeof t !== "string" || !tenantPattern.test(t))) {
      throw new Error(
        `${at} (${name}): tenants must be a list of tenant names (lower-case letters, digits, -_.)`,
      );
    }
    if (role !== "admin" && tenants.length === 0) {
      throw new Error(`${at} (${name}): a ${role} needs at least one tenant`);
    }
    return { name, role: role as Role, tenants: tenants as string[], tokenSha256: digest };
  });
}

/**
 * The scheduler's `--credentials FILE`: users, their token digests, roles and tenants. Re-read when the file
 * changes; a file that does not parse is refused as a whole and the users in force stay.
 */
export class CredentialsFile {
  private users: StoredUser[];

  constructor(readonly path: string) {
    this.users = CredentialsFile.read(path);
  }

  /** The user whose token this is, compared in constant time against every user's digest. */
  userOf(token: string): User | undefined {
    const digest = sha256(token);
    let found: StoredUser | undefined;
    for (const user of this.users) {
      if (timingSafeEqual(digest, user.tokenSha256)) found = user;
    }
    return found ? { name: found.name, role: found.role, tenants: found.tenants } : undefined;
  }

  reload(): number {
    this.users = CredentialsFile.read(this.path);
    return this.users.length;
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

  private static read(path: string): StoredUser[] {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new Error(`cannot read the credentials file ${path}: ${(error as Error).message}`);
    }
    return parseUsers(text, path);
  }
}
