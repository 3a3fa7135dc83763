import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, type YAMLMap } from "yaml";
import { QueueConfigError, type QueueConfigProblem } from "./QueueConfigError.ts";
import { knownResourceNamesHint, parseAmount, resourceKind } from "./ResourceName.ts";
import type { ResourceVector } from "./ResourceVector.ts";

export interface QueueSpec {
  name: string;
  /** Share of borrowed capacity relative to the other queues of the cohort (dominant-resource fairness). */
  weight: number;
  /** Queues of one cohort lend each other their unused quota. Without a cohort a queue cannot borrow. */
  cohort: string | undefined;
  /** Guaranteed amounts. Resources not named here are not limited for this queue. */
  quota: ResourceVector;
  /**
   * Most a queue may use beyond its quota, per resource. Absent (or a resource not named in it): the queue may
   * borrow whatever the cohort leaves unused.
   */
  borrowingLimit: ResourceVector | undefined;
}

export interface PriorityClassSpec {
  name: string;
  value: number;
  /** How long a preempted job of this class gets between the graceful stop and the kill. */
  preemptionGraceSeconds: number;
}

export interface QueueConfig {
  queues: readonly QueueSpec[];
  priorityClasses: readonly PriorityClassSpec[];
  /** The class of jobs submitted without one; without it such jobs get priority 0. */
  defaultPriorityClass: string | undefined;
  /** A job pending this long is served before all others, with capacity reserved for it. */
  starvationSeconds: number;
  /** Accept any queue name as an unlimited queue (only when no config file is given; not a YAML key). */
  openQueues?: boolean;
}

export const DEFAULT_PREEMPTION_GRACE_SECONDS = 30;
export const DEFAULT_STARVATION_SECONDS = 3600;
export const DEFAULT_QUEUE_NAME = "default";

export const unlimitedQueue: QueueSpec = {
  name: DEFAULT_QUEUE_NAME,
  weight: 1,
  cohort: undefined,
  quota: {},
  borrowingLimit: undefined,
};

/**
 * In force when the scheduler starts without `--queues`: a `default` queue, and any other queue name a job
 * names, all unlimited; no priority classes (jobs order by their numeric priority).
 */
export const openQueueConfig: QueueConfig = {
  queues: [unlimitedQueue],
  priorityClasses: [],
  defaultPriorityClass: undefined,
  starvationSeconds: DEFAULT_STARVATION_SECONDS,
  openQueues: true,
};

const NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Reads a queue config (YAML). Any problem refuses the whole file with a {@link QueueConfigError}. */
export function parseQueueConfig(text: string, source = "queues.yaml"): QueueConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const problems: QueueConfigProblem[] = [];
  for (const error of doc.errors) {
    const pos = error.linePos?.[0] ?? { line: 1, col: 1 };
    problems.push({
      line: pos.line,
      column: pos.col,
      message: error.message.split("\n")[0] ?? error.message,
    });
  }
  if (problems.length > 0) throw new QueueConfigError(source, problems);

  const reader = new ConfigReader(lineCounter, problems);
  const config = reader.config(doc.contents);
  if (problems.length > 0 || !config) throw new QueueConfigError(source, problems);
  return config;
}

/** A list entry as read: its name when it has one (for duplicate checks) and its spec when it is valid. */
interface Named<T> {
  name: string | undefined;
  node: Node | null;
  spec: T | undefined;
}

type Fields = Map<string, Pair<Node, Node | null>>;

/** Walks the YAML tree, noting every problem at its node's line instead of stopping at the first. */
class ConfigReader {
  constructor(
    private readonly lines: LineCounter,
    private readonly problems: QueueConfigProblem[],
  ) {}

  config(root: Node | null): QueueConfig | undefined {
    const fields = this.fields(root, "the config", [
      "queues",
      "priorityClasses",
      "defaultPriorityClass",
      "starvationSeconds",
    ]);
    if (!fields) return undefined;
    const queuesNode = fields.get("queues");
    if (!queuesNode) {
      this.problem(
        root,
        "missing `queues:`; list at least one queue (name, weight, cohort, quota, borrowingLimit)",
      );
      return undefined;
    }
    const queues = this.list(queuesNode.value, "queues").map((n) => this.queue(n));
    const classes = fields.has("priorityClasses")
      ? this.list(fields.get("priorityClasses")?.value ?? null, "priorityClasses").map((n) =>
          this.priorityClass(n),
        )
      : [];
    this.unique(queues, "queue");
    this.unique(classes, "priority class");

    let defaultPriorityClass: string | undefined;
    const defaultNode = fields.get("defaultPriorityClass")?.value ?? null;
    if (defaultNode) {
      defaultPriorityClass = this.string(defaultNode, "defaultPriorityClass");
      if (defaultPriorityClass !== undefined && !classes.some((c) => c?.name === defaultPriorityClass)) {
        this.problem(
          defaultNode,
          `defaultPriorityClass "${defaultPriorityClass}" is not one of priorityClasses`,
        );
      }
    }
    const starvationNode = fields.get("starvationSeconds")?.value ?? null;
    const starvationSeconds = starvationNode
      ? this.number(starvationNode, "starvationSeconds", { min: 1 })
      : DEFAULT_STARVATION_SECONDS;

    if (this.problems.length > 0) return undefined;
    return {
      queues: queues.flatMap((q) => (q?.spec ? [q.spec] : [])),
      priorityClasses: classes.flatMap((c) => (c?.spec ? [c.spec] : [])),
      defaultPriorityClass,
      starvationSeconds: starvationSeconds ?? DEFAULT_STARVATION_SECONDS,
    };
  }

  private queue(node: Node | null): Named<QueueSpec> | undefined {
    const fields = this.fields(node, "a queue", ["name", "weight", "cohort", "quota", "borrowingLimit"]);
    if (!fields) return undefined;
    const name = this.requiredName(node, fields, "queue");
    const weightNode = fields.get("weight")?.value ?? null;
    const weight = weightNode ? this.number(weightNode, "weight", { min: Number.MIN_VALUE }) : 1;
    const cohortNode = fields.get("cohort")?.value ?? null;
    const cohort = cohortNode ? this.string(cohortNode, "cohort") : undefined;
    const quotaNode = fields.get("quota")?.value ?? null;
    const quota = quotaNode ? this.resources(quotaNode, "quota") : {};
    const limitPair = fields.get("borrowingLimit");
    const borrowingLimit = limitPair ? this.resources(limitPair.value, "borrowingLimit") : undefined;
    if (limitPair && !cohortNode) {
      this.problem(
        limitPair.key,
        "borrowingLimit needs a cohort to borrow from; add `cohort: NAME` or remove it",
      );
    }
    const valid = name !== undefined && weight !== undefined && quota && (!limitPair || borrowingLimit);
    return { name, node, spec: valid ? { name, weight, cohort, quota, borrowingLimit } : undefined };
  }

  private priorityClass(node: Node | null): Named<PriorityClassSpec> | undefined {
    const fields = this.fields(node, "a priority class", ["name", "value", "preemptionGraceSeconds"]);
    if (!fields) return undefined;
    const name = this.requiredName(node, fields, "priority class");
    const valueNode = fields.get("value")?.value ?? null;
    if (!valueNode) this.problem(node, "a priority class needs `value:` (an integer; higher runs first)");
    const value = valueNode ? this.number(valueNode, "value", { integer: true }) : undefined;
    const graceNode = fields.get("preemptionGraceSeconds")?.value ?? null;
    const grace = graceNode
      ? this.number(graceNode, "preemptionGraceSeconds", { min: 0 })
      : DEFAULT_PREEMPTION_GRACE_SECONDS;
    const valid = name !== undefined && value !== undefined && grace !== undefined;
    return { name, node, spec: valid ? { name, value, preemptionGraceSeconds: grace } : undefined };
  }

  private resources(node: Node | null, field: string): ResourceVector | undefined {
    if (!isMap(node)) {
      this.problem(node, `${field} must be a map of resource: amount, e.g. {gpus: 4}`);
      return undefined;
    }
    const vector: Record<string, number> = {};
    let ok = true;
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const kind = key === undefined ? undefined : resourceKind(key);
      if (key === undefined || kind === undefined) {
        this.problem(
          pair.key,
          `unknown resource "${key ?? "?"}" in ${field}; use ${knownResourceNamesHint()}`,
        );
        ok = false;
        continue;
      }
      const amount = parseAmount(kind, isScalar(pair.value) ? pair.value.value : undefined);
      if (typeof amount === "string") {
        this.problem(pair.value ?? pair.key, `${field}.${key} ${amount}`);
        ok = false;
      } else {
        vector[key] = amount;
      }
    }
    return ok ? vector : undefined;
  }

  private fields(node: Node | null, what: string, allowed: readonly string[]): Fields | undefined {
    if (!isMap(node)) {
      this.problem(node, `${what} must be a map`);
      return undefined;
    }
    const fields: Fields = new Map();
    for (const pair of (node as YAMLMap<Node, Node | null>).items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!allowed.includes(key)) {
        this.problem(pair.key, `unknown key "${key}" in ${what}; allowed: ${allowed.join(", ")}`);
        continue;
      }
      fields.set(key, pair);
    }
    return fields;
  }

  private list(node: Node | null, field: string): (Node | null)[] {
    if (!isSeq(node)) {
      this.problem(node, `${field} must be a list (lines starting with "- ")`);
      return [];
    }
    return node.items as (Node | null)[];
  }

  private requiredName(owner: Node | null, fields: Fields, what: string): string | undefined {
    const node = fields.get("name")?.value ?? null;
    if (!node) {
      this.problem(owner, `a ${what} needs a \`name:\``);
      return undefined;
    }
    const name = this.string(node, "name");
    if (name !== undefined && !NAME_PATTERN.test(name)) {
      this.problem(
        node,
        `${what} name "${name}" must be lower case letters, digits, "-" or "." (like team-a)`,
      );
      return undefined;
    }
    return name;
  }

  private string(node: Node, field: string): string | undefined {
    if (isScalar(node) && typeof node.value === "string" && node.value.length > 0) return node.value;
    this.problem(node, `${field} must be a non-empty string`);
    return undefined;
  }

  private number(node: Node, field: string, rules: { min?: number; integer?: boolean }): number | undefined {
    const value = isScalar(node) ? node.value : undefined;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.problem(
        node,
        `${field} must be a number, got ${JSON.stringify(isScalar(node) ? node.value : "a collection")}`,
      );
      return undefined;
    }
    if (rules.integer && !Number.isInteger(value)) {
      this.problem(node, `${field} must be an integer, got ${value}`);
      return undefined;
    }
    if (rules.min !== undefined && value < rules.min) {
      this.problem(
        node,
        `${field} must be ${rules.min === Number.MIN_VALUE ? "> 0" : `>= ${rules.min}`}, got ${value}`,
      );
      return undefined;
    }
    return value;
  }

  private unique(items: (Named<unknown> | undefined)[], what: string): void {
    const seen = new Set<string>();
    for (const item of items) {
      if (item?.name === undefined) continue;
      if (seen.has(item.name)) this.problem(item.node, `${what} "${item.name}" is defined twice`);
      seen.add(item.name);
    }
  }

  private problem(node: Node | null | undefined, message: string): void {
    const offset = node?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    this.problems.push({ line: Math.max(pos.line, 1), column: Math.max(pos.col, 1), message });
  }
}
