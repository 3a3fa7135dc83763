import { constants } from "node:fs";
import { readdir, readFile, readlink, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";

/**
 * Every sysfs read and write of the agent goes through one root directory (`--sysfs-root`, default `/sys`), so
 * that tests run the same code against a tree they build. Paths are relative to the root, as in `bus/pci/...`.
 */
export class SysfsTree {
  constructor(readonly root: string = "/sys") {}

  path(relative: string): string {
    return join(this.root, relative);
  }

  /** An attribute's value without the trailing newline, or undefined when the attribute does not exist. */
  async read(relative: string): Promise<string | undefined> {
    try {
      return (await readFile(this.path(relative), "utf8")).trim();
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /**
   * Writes an attribute in one write without creating it: a kernel attribute that is missing means the driver
   * or device is not there, which must fail rather than leave a stray file.
   */
  async write(relative: string, value: string): Promise<void> {
    await writeFile(this.path(relative), value, { flag: constants.O_WRONLY });
  }

  /** The last path component of a symlink's target (`driver` -> `nvidia`), or undefined when there is no link. */
  async linkName(relative: string): Promise<string | undefined> {
    try {
      return basename(await readlink(this.path(relative)));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async list(relative: string): Promise<string[]> {
    try {
      return (await readdir(this.path(relative))).sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "ENOENT" || error.code === "ENOTDIR");
}
