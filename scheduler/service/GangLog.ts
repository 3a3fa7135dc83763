/** Opens one member's log on its node: `onChunk` per piece, then `onEnd`; throws when it has none to give. */
export type OpenMemberLog = (
  node: string,
  onChunk: (data: Buffer) => void,
  onEnd: (error?: string) => void,
) => () => void;

const newline = 0x0a;

/** Cuts one member's output into whole lines, each prefixed with `[rank N] `; a partial line waits for its end. */
export class RankPrefixedLines {
  private readonly prefix: Buffer;
  private partial: Buffer = Buffer.alloc(0);

  constructor(rank: number) {
    this.prefix = Buffer.from(`[rank ${rank}] `);
  }

  /** The complete lines `data` finishes, prefixed; empty when it finished none. */
  push(data: Buffer): Buffer {
    const end = data.lastIndexOf(newline);
    if (end < 0) {
      this.partial = Buffer.concat([this.partial, data]);
      return Buffer.alloc(0);
    }
    const text = Buffer.concat([this.partial, data.subarray(0, end + 1)]);
    this.partial = Buffer.from(data.subarray(end + 1));
    const out: Buffer[] = [];
    for (let start = 0; start < text.length; ) {
      const stop = text.indexOf(newline, start);
      out.push(this.prefix, text.subarray(start, stop + 1));
      start = stop + 1;
    }
    return Buffer.concat(out);
  }

  /** The last line when the output did not end with a newline (given one), and a note of ours, if any. */
  finish(note?: string): Buffer {
    const out: Buffer[] = [];
    if (this.partial.length > 0) out.push(this.prefix, this.partial, Buffer.from("\n"));
    this.partial = Buffer.alloc(0);
    if (note) out.push(this.prefix, Buffer.from(`[tessera: ${note}]\n`));
    return Buffer.concat(out);
  }
}

/**
 * Every member's output of a gang as one stream, each line prefixed with its member's rank; lines of one member
 * keep their order, members interleave as their lines arrive. A member without output (not started, agent away)
 * gets a note line instead; the stream fails only when no member has any. Returns a function that stops it.
 */
export function openGangLog(
  members: readonly { rank: number; node: string }[],
  openMember: OpenMemberLog,
  onChunk: (data: Buffer) => void,
  onEnd: (error?: string) => void,
): () => void {
  const stops: (() => void)[] = [];
  const failures: string[] = [];
  let open = members.length;
  let starting = true;
  let ended = false;
  const endIfLast = () => {
    if (open > 0 || starting || ended) return;
    ended = true;
    onEnd(failures.length === members.length ? failures.join("; ") : undefined);
  };
  const memberEnded = (error?: string) => {
    if (error) failures.push(error);
    open--;
    endIfLast();
  };
  const unopened: { lines: RankPrefixedLines; why: string }[] = [];
  let firstRefusal: unknown;
  for (const m of members) {
    const lines = new RankPrefixedLines(m.rank);
    try {
      stops.push(
        openMember(
          m.node,
          (data) => {
            const out = lines.push(data);
            if (out.length > 0) onChunk(out);
          },
          (error) => {
            const out = lines.finish(error ? `no more output: ${error}` : undefined);
            if (out.length > 0) onChunk(out);
            memberEnded(error);
          },
        ),
      );
    } catch (err) {
      open--;
      firstRefusal ??= err;
      const why = err instanceof Error ? err.message : String(err);
      failures.push(why);
      unopened.push({ lines, why });
    }
  }
  if (unopened.length === members.length) throw firstRefusal;
  for (const { lines, why } of unopened) onChunk(lines.finish(`no output: ${why}`));
  starting = false;
  endIfLast();
  return () => {
    ended = true;
    for (const stop of stops) stop();
  };
}
