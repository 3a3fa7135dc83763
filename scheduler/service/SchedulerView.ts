import type { EventEmitter } from "node:events";
import type { JobRecord } from "../store/JobRecord.ts";
import type { NodeRecord } from "./NodeRecord.ts";

export type JobEventType = "created" | "updated";

export type SchedulerEvents = {
  job: [JobEventType, JobRecord];
  node: [NodeRecord];
  /** After each placement cycle: the time one decision took on average, and how many jobs it decided. */
  decisions: [secondsEach: number, count: number];
};

/**
 * The read model of a running scheduler, for the HTTP API, metrics and dashboard. Records are live objects:
 * read them, never change them. Events: `job` (type, job) after each durable change, `node` (node) on any node
 * change.
 */
export interface SchedulerView {
  readonly events: EventEmitter<SchedulerEvents>;
  jobs(): Iterable<JobRecord>;
  job(id: string): JobRecord | undefined;
  nodes(): Iterable<NodeRecord>;
  node(name: string): NodeRecord | undefined;
}
