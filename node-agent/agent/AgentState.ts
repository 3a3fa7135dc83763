import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What an agent remembers across restarts besides its jobs: the last desired-state generation it reached, which
 * it presents when it registers so that the scheduler can fence it if it is behind, and when it last had contact
 * with the scheduler, so that a restart does not restart its fencing clock.
 */
export class AgentState {
  private readonly path: string;
  generation = 0;
  /** Unix ms of the last contact with the scheduler; undefined before the first one. */
  lastContactMs: number | undefined;
  private savedContactMs: number | undefined;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, "agent.json");
    if (existsSync(this.path)) {
      const saved = JSON.parse(readFileSync(this.path, "utf8")) as {
        generation?: number;
        lastContactMs?: number;
      };
      this.generation = saved.generation ?? 0;
      this.lastContactMs = saved.lastContactMs;
      this.savedContactMs = saved.lastContactMs;
    }
  }

  reached(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    this.save();
  }

  /**
   * Records contact at `nowMs`; written to disk when the saved one is `saveEveryMs` old (0: at once). A restarted
   * agent fences at most that much early.
   */
  contact(nowMs: number, saveEveryMs: number): void {
    this.lastContactMs = nowMs;
    if (this.savedContactMs === undefined || nowMs - this.savedContactMs >= saveEveryMs) this.save();
  }

  private save(): void {
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify({ generation: this.generation, lastContactMs: this.lastContactMs }));
    renameSync(tmp, this.path);
    this.savedContactMs = this.lastContactMs;
  }
}
