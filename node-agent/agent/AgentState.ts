import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * What an agent remembers across restarts besides its jobs: the last desired-state generation it reached,
 * which it presents when it registers so that the scheduler can fence it if it is behind.
 */
export class AgentState {
  private readonly path: string;
  generation = 0;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.path = join(dataDir, "agent.json");
    if (existsSync(this.path)) {
      const saved = JSON.parse(readFileSync(this.path, "utf8")) as { generation?: number };
      this.generation = saved.generation ?? 0;
    }
  }

  reached(generation: number): void {
    if (generation === this.generation) return;
    this.generation = generation;
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify({ generation }));
    renameSync(tmp, this.path);
  }
}
