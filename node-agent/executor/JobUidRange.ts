/**
 * A range of user ids for job processes (`tessera agent --uid-range 20000-29999`): every running job attempt
 * gets one of its own, so no job can read another's /proc/PID/environ, memory or files, whatever its tenant.
 */
export class JobUidRange {
  constructor(
    readonly first: number,
    readonly last: number,
  ) {}

  /** Parses `FIRST-LAST`; ids below 1000 (system users) and above 2^31-2 are refused. */
  static parse(text: string): JobUidRange {
    const match = /^(\d{1,10})-(\d{1,10})$/.exec(text.trim());
    const first = Number(match?.[1]);
    const last = Number(match?.[2]);
    if (!match || first < 1000 || last > 2_147_483_646 || last < first) {
      throw new Error(
        `--uid-range "${text.slice(0, 40)}": give FIRST-LAST with 1000 <= FIRST <= LAST, e.g. 20000-29999 (ids no account on the host uses)`,
      );
    }
    return new JobUidRange(first, last);
  }

  /** The lowest id of the range no running job holds. */
  pick(inUse: ReadonlySet<number>): number {
    for (let uid = this.first; uid <= this.last; uid++) if (!inUse.has(uid)) return uid;
    throw new Error(
      `every uid of --uid-range ${this.first}-${this.last} is held by a running job; widen the range`,
    );
  }
}
