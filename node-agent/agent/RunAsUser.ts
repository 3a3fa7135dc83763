import { execFileSync } from "node:child_process";
import type { RunAs } from "../executor/Executor.ts";

/**
 * Who job commands run as. An agent running as root drops them to an unprivileged user (`nobody` unless told
 * otherwise) and runs them as root only when explicitly asked; an unprivileged agent runs them as itself.
 */
export function jobUser(
  options: { runAs?: string; runAsRoot?: boolean },
  isRoot: boolean,
): RunAs | undefined {
  if (options.runAs && options.runAsRoot)
    throw new Error("give either --run-as USER or --run-as-root, not both");
  if (!isRoot) {
    if (options.runAs) throw new Error(`--run-as ${options.runAs} needs an agent running as root`);
    return undefined;
  }
  if (options.runAsRoot) return undefined;
  const user = options.runAs ?? "nobody";
  const id = (flag: string) => {
    try {
      return Number(
        execFileSync("id", [flag, user], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim(),
      );
    } catch {
      throw new Error(
        `--run-as: no user "${user}" on this host; create it or name another with --run-as USER`,
      );
    }
  };
  return { user, uid: id("-u"), gid: id("-g") };
}
