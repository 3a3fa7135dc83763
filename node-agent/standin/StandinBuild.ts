import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gpuModels } from "../../proto/catalog/GpuCatalog.ts";
import { sourceTreePath } from "../../proto/SourceTree.ts";
import { standinCatalogHeader } from "./standinCatalogHeader.ts";

const standinDir = sourceTreePath("node-agent", "standin");
const sourceDir = join(standinDir, "src");
/** Where `ensureStandinLibrary()` builds by default (git-ignored). */
export const standinBuildDir = join(standinDir, "build");
const compilerFlags = ["-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra", "-Werror", "-fPIC", "-shared"];

function sourceFingerprint(header: string): string {
  const hash = createHash("sha256");
  hash.update(compilerFlags.join(" "));
  hash.update(header);
  for (const name of readdirSync(sourceDir).sort()) {
    hash.update(name);
    hash.update(readFileSync(join(sourceDir, name)));
  }
  return hash.digest("hex");
}

/**
 * Builds the stand-in NVML library with `cc` when its sources or the catalog changed, and returns its absolute
 * path. Safe when several processes build at once: each compiles into its own folder and renames the result into
 * place, and a library already loaded by someone keeps its old inode.
 */
export function ensureStandinLibrary(buildDir: string = standinBuildDir): string {
  // The name real drivers use, so anything that loads NVML by name can be pointed at this folder.
  const libraryPath = join(buildDir, "libnvidia-ml.so.1");
  const stampPath = `${libraryPath}.sha256`;
  const header = standinCatalogHeader(gpuModels);
  const fingerprint = sourceFingerprint(header);
  if (existsSync(libraryPath) && existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint) {
    return libraryPath;
  }
  const work = join(buildDir, `tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(work, { recursive: true });
  try {
    writeFileSync(join(work, "catalog.h"), header);
    const sources = readdirSync(sourceDir)
      .filter((n) => n.endsWith(".c"))
      .map((n) => join(sourceDir, n));
    const output = join(work, "libnvidia-ml.so.1");
    try {
      execFileSync(
        "cc",
        [
          ...compilerFlags,
          "-fvisibility=hidden",
          `-I${work}`,
          `-I${sourceDir}`,
          "-o",
          output,
          ...sources,
          "-lpthread",
        ],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
      throw new Error(
        `building the stand-in NVML library failed (is a C compiler installed as "cc"? on Debian: apt-get install ` +
          `build-essential):\n${stderr || String(error)}`,
      );
    }
    renameSync(output, libraryPath);
    writeFileSync(join(work, "stamp"), fingerprint);
    renameSync(join(work, "stamp"), stampPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return libraryPath;
}

const mpsControlSource = join(standinDir, "mps", "nvidia-cuda-mps-control.c");
const mpsControlFlags = ["-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall", "-Wextra", "-Werror"];

/**
 * Builds the stand-in MPS control daemon (`nvidia-cuda-mps-control`, docs/mps.md) with `cc` when its source
 * changed, and returns its absolute path; built and renamed into place like the library.
 */
export function ensureStandinMpsControl(buildDir: string = standinBuildDir): string {
  const binaryPath = join(buildDir, "bin", "nvidia-cuda-mps-control");
  const stampPath = `${binaryPath}.sha256`;
  const fingerprint = createHash("sha256")
    .update(mpsControlFlags.join(" "))
    .update(readFileSync(mpsControlSource))
    .digest("hex");
  if (existsSync(binaryPath) && existsSync(stampPath) && readFileSync(stampPath, "utf8") === fingerprint) {
    return binaryPath;
  }
  const work = join(buildDir, `tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(work, { recursive: true });
  mkdirSync(dirname(binaryPath), { recursive: true });
  try {
    const output = join(work, "nvidia-cuda-mps-control");
    try {
      execFileSync("cc", [...mpsControlFlags, "-o", output, mpsControlSource], {
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? "";
      throw new Error(
        `building the stand-in MPS control daemon failed (is a C compiler installed as "cc"? on Debian: apt-get ` +
          `install build-essential):\n${stderr || String(error)}`,
      );
    }
    renameSync(output, binaryPath);
    writeFileSync(join(work, "stamp"), fingerprint);
    renameSync(join(work, "stamp"), stampPath);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binaryPath;
}
