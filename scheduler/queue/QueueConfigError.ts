/** One reason a queue config was refused, at the line and column (1-based) where it applies. */
export interface QueueConfigProblem {
  line: number;
  column: number;
  message: string;
}

/** The config was refused as a whole; every problem found is listed, in file order. */
export class QueueConfigError extends Error {
  readonly source: string;
  readonly problems: readonly QueueConfigProblem[];

  constructor(source: string, problems: QueueConfigProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
    super(
      `queue config ${source} refused (the previous config, if any, stays in force):\n` +
        sorted.map((p) => `  ${source}:${p.line}:${p.column}: ${p.message}`).join("\n"),
    );
    this.name = "QueueConfigError";
    this.source = source;
    this.problems = sorted;
  }
}
