import { type JobRecord, jobStates } from "./JobRecord.ts";

/**
 * A stored job document read back: JSON holding at least what the scheduler relies on when it loads its jobs.
 * Throws with what is wrong, so a damaged record stops the start with its name instead of a TypeError later.
 */
export function parseStoredJob(doc: string): JobRecord {
  const job = JSON.parse(doc) as Partial<JobRecord> | null;
  const problem = missingPart(job);
  if (problem) throw new Error(`not a job record: ${problem}`);
  return job as JobRecord;
}

function missingPart(job: Partial<JobRecord> | null): string | undefined {
  if (typeof job !== "object" || job === null || Array.isArray(job)) return "not a JSON object";
  if (typeof job.id !== "string" || job.id === "") return "no id";
  if (typeof job.seq !== "number") return "no seq";
  if (!(jobStates as readonly string[]).includes(job.state ?? ""))
    return `unknown state ${JSON.stringify(job.state)}`;
  if (typeof job.spec !== "object" || job.spec === null) return "no spec";
  if (typeof job.spec.request?.shape !== "object") return "no spec.request.shape";
  if (!Array.isArray(job.spec.command)) return "no spec.command";
  if (!Array.isArray(job.allocations)) return "no allocations";
  if (!Array.isArray(job.transitions)) return "no transitions";
  if (typeof job.attempt !== "number") return "no attempt";
  return undefined;
}
