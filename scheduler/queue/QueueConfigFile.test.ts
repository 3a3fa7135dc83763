import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { QueueConfig } from "./QueueConfig.ts";
import { QueueConfigError } from "./QueueConfigError.ts";
import { QueueConfigFile } from "./QueueConfigFile.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function tempFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tessera-qfile-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, "queues.yaml");
  writeFileSync(path, text);
  return path;
}

/** Writes and moves the modification time forward, so a 1-second-resolution file system sees a change. */
function rewrite(path: string, text: string, secondsLater: number): void {
  writeFileSync(path, text);
  const t = Date.now() / 1000 + secondsLater;
  utimesSync(path, t, t);
}

/**
 * Rewrites the file until `check` holds (up to 10 tries, a second apart). The watcher takes its first look at the
 * file asynchronously: on a loaded machine a change made right after `follow` can come before that look and so be
 * its starting point, which no user editing a file meets but a test does. A later write is a change it sees;
 * writing the same text again changes nothing that it applies.
 */
async function rewriteUntil(path: string, text: string, secondsLater: number, check: () => boolean) {
  for (let attempt = 0; attempt < 10 && !check(); attempt++) {
    rewrite(path, text, secondsLater + attempt);
    for (let i = 0; i < 50 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  }
  expect(check()).toBe(true);
}

describe("QueueConfigFile", () => {
  it("follows the file: a valid change is applied, an invalid one is reported and the old config stays", async () => {
    const path = tempFile("queues:\n  - {name: a}\n");
    const file = QueueConfigFile.open(path);
    cleanups.push(() => file.close());
    const applied: QueueConfig[] = [];
    const reports: string[] = [];
    file.follow(
      (c) => applied.push(c),
      (line) => reports.push(line),
      10,
    );

    await rewriteUntil(path, "queues:\n  - {name: a}\n  - {name: b}\n", 5, () => applied.length === 1);
    expect(applied[0]?.queues.map((q) => q.name)).toEqual(["a", "b"]);
    expect(reports[0]).toContain("reloaded: 2 queues");
    // A touch alone (the same text, a new modification time) applies nothing again.
    const reported = reports.length;
    rewrite(path, "queues:\n  - {name: a}\n  - {name: b}\n", 15);
    await new Promise((r) => setTimeout(r, 300));
    expect(applied).toHaveLength(1);
    expect(reports).toHaveLength(reported);

    await rewriteUntil(path, "queues:\n  - {name: a, weight: -2}\n", 20, () => reports.length >= 2);
    expect(reports[1]).toContain("queues.yaml:2:23: weight must be > 0");
    expect(applied).toHaveLength(1);
    expect(file.config.queues.map((q) => q.name)).toEqual(["a", "b"]);
  });

  it("keeps the config in force when the new one is refused by the queue", () => {
    const path = tempFile("queues:\n  - {name: a}\n");
    const file = QueueConfigFile.open(path);
    writeFileSync(path, "queues:\n  - {name: b}\n");
    expect(() =>
      file.reload(() => {
        throw new Error("queue a still holds jobs");
      }),
    ).toThrow("still holds jobs");
    expect(file.text).toBe("queues:\n  - {name: a}\n");
  });

  it("refuses an unreadable or invalid file at open", () => {
    expect(() => QueueConfigFile.open("/nonexistent/queues.yaml")).toThrow(/cannot read queue config/);
    expect(() => QueueConfigFile.open(tempFile("queues: 3\n"))).toThrow(QueueConfigError);
  });
});
