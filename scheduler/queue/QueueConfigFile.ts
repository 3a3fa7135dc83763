import { readFileSync, unwatchFile, watchFile } from "node:fs";
import { parseQueueConfig, type QueueConfig } from "./QueueConfig.ts";

/**
 * The `--queues FILE` of the scheduler: read at start, re-read when it changes or on request. A file that does
 * not parse is refused as a whole and the config in force stays (the caller applies a new one only on success).
 */
export class QueueConfigFile {
  private constructor(
    readonly path: string,
    private current: { text: string; config: QueueConfig },
  ) {}

  /** Reads and checks the file; throws a QueueConfigError (every line and reason) or a read error. */
  static open(path: string): QueueConfigFile {
    return new QueueConfigFile(path, QueueConfigFile.read(path));
  }

  get config(): QueueConfig {
    return this.current.config;
  }

  get text(): string {
    return this.current.text;
  }

  /**
   * Reads the file again and hands the new config to `apply`, which may refuse it by throwing. Only when both
   * succeed is it the config in force.
   */
  reload(apply: (config: QueueConfig) => void): QueueConfig {
    const next = QueueConfigFile.read(this.path);
    apply(next.config);
    this.current = next;
    return next.config;
  }

  /**
   * Reloads whenever the file's modification time changes and its text with it (a touch alone changes nothing);
   * `report` hears of every outcome.
   */
  follow(apply: (config: QueueConfig) => void, report: (line: string) => void, intervalMs = 1000): void {
    watchFile(this.path, { interval: intervalMs, persistent: false }, (now, before) => {
      if (now.mtimeMs === before.mtimeMs || this.unchanged()) return;
      try {
        const config = this.reload(apply);
        report(
          `queue config ${this.path} reloaded: ${config.queues.length} queues, ${config.priorityClasses.length} priority classes`,
        );
      } catch (error) {
        report((error as Error).message);
      }
    });
  }

  close(): void {
    unwatchFile(this.path);
  }

  /** Whether the file still holds the text in force (an unreadable file has changed: reloading says why). */
  private unchanged(): boolean {
    try {
      return readFileSync(this.path, "utf8") === this.current.text;
    } catch {
      return false;
    }
  }

  private static read(path: string): { text: string; config: QueueConfig } {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new Error(`cannot read queue config ${path}: ${(error as Error).message}`);
    }
    return { text, config: parseQueueConfig(text, path) };
  }
}
