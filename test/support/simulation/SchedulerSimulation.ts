import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";
import { createPolicy } from "../../../scheduler/engine/PolicyRegistry.ts";
import { SeededRandom } from "../../../scheduler/engine/SeededRandom.ts";
import { parseQueueConfig } from "../../../scheduler/queue/QueueConfig.ts";
import { Scheduler } from "../../../scheduler/service/Scheduler.ts";
import { finalJobStates, type JobState } from "../../../scheduler/store/JobRecord.ts";
import { SqliteJobStore } from "../../../scheduler/store/SqliteJobStore.ts";
import { SimulatedAgent } from "./SimulatedAgent.ts";
import { randomJobSpec, SIM_FLEET, SIM_QUEUES } from "./SimulatedWorkload.ts";
import { bookingViolations, processViolations } from "./SimulationInvariants.ts";

export interface SimulationOptions {
  seed: number;
  steps: number;
  /** Called every `progressEvery` steps (soak runs print it). */
  onProgress?: (step: number, stats: SimulationStats) => void;
  progressEvery?: number;
}

export interface SimulationStats {
  submitted: number;
  acknowledged: number;
  cancels: number;
  agentCrashes: number;
  hostCrashes: number;
  partitions: number;
  schedulerRestarts: number;
  /** Operator shutdowns of everything (as Ctrl-C of `tessera up`): placing stops, agents stop, then the scheduler. */
  shutdowns: number;
  /** Spells in which every layout change of one GPU fails (as NVML refuses one while another tool holds it). */
  layoutFaults: number;
  /** Jobs an agent refused as `layout_failed`: their GPU could not be given the layout they need. */
  layoutRefusals: number;
  /** Job states seen at the end, by state. */
  states: Record<string, number>;
  simulatedSeconds: number;
}

/** A broken invariant: what, at which step, and the trace that led there (replay with the seed). */
export class SimulationFailure extends Error {
  override readonly name = "SimulationFailure";
}

const LEASE_MS = 4_000;
const HEARTBEAT_MS = 1_000;
const FENCING_TIMEOUT_MS = 15_000;
/** Shorter than the longest host outage (122 s), so nodes are forgotten and come back as new ones. */
const NODE_EXPIRY_MS = 60_000;
/** Trace lines a failure prints (TESSERA_SIM_TRACE raises it when diagnosing a seed). */
const TRACE_LINES = Number(process.env.TESSERA_SIM_TRACE ?? 300);
const watchedJobs = new Set((process.env.TESSERA_SIM_JOBS ?? "").split(",").filter(Boolean));

interface TimedEvent {
  atMs: number;
  what: string;
  run: () => void | Promise<void>;
}

/**
 * A deterministic simulation of the running scheduler (FoundationDB style): the real Scheduler with its queue,
 * engine and SQLite store, simulated agents and processes, and a simulated clock (vitest's fake timers), driven by
 * one seeded random stream of submits, cancels, job ends, agent crashes, host crashes, network partitions and
 * scheduler restarts on the same store. Every invariant is checked after every step; a broken one throws a
 * {@link SimulationFailure} with the trace, and the same seed replays it exactly.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationStats> {
  const random = new SeededRandom(options.seed);
  // The store's fsyncs would dominate the run: its file lives in memory where the system offers that.
  const dir = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "tessera-sim-"));
  const dbPath = join(dir, "scheduler.db");
  const queues = parseQueueConfig(SIM_QUEUES);
  const trace: string[] = [];
  const failures: string[] = [];
  const log = (line: string) => {
    if (line.startsWith("placement cycle failed") || line.includes("cannot adopt")) failures.push(line);
    trace.push(`  t=${Date.now() - start} ${line}`);
    if (trace.length > TRACE_LINES) trace.splice(0, trace.length - TRACE_LINES);
  };
  const stats: SimulationStats = {
    submitted: 0,
    acknowledged: 0,
    cancels: 0,
    agentCrashes: 0,
    hostCrashes: 0,
    partitions: 0,
    schedulerRestarts: 0,
    shutdowns: 0,
    layoutFaults: 0,
    layoutRefusals: 0,
    states: {},
    simulatedSeconds: 0,
  };
  vi.useFakeTimers({
    toFake: [
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "setImmediate",
      "clearImmediate",
      "Date",
      "performance",
    ],
    now: 1_700_000_000_000,
  });
  const start = Date.now();
  let store: SqliteJobStore | undefined;
  let scheduler: Scheduler | undefined;
  const acked = new Map<string, string>();
  const finalSeen = new Map<string, JobState>();
  const events: TimedEvent[] = [];
  const at = (delayMs: number, what: string, run: TimedEvent["run"]) =>
    events.push({ atMs: Date.now() + delayMs, what, run });

  const openScheduler = () => {
    // The fsync in the committing turn: the fake clock cannot see the thread pool's finish.
    store = new SqliteJobStore(dbPath, { syncInline: true });
    scheduler = new Scheduler({
      store,
      policy: () => createPolicy("tessera"),
      leaseMs: LEASE_MS,
      heartbeatMs: HEARTBEAT_MS,
      lostNodePolicy: "requeue",
      fencingTimeoutMs: FENCING_TIMEOUT_MS,
      nodeExpiryMs: NODE_EXPIRY_MS,
      queues,
      log,
    });
    const seen = new Map<string, string>();
    scheduler.events.on("node", (node) => {
      const state = `${node.state}${node.inEngine ? "" : " (out of the engine)"}${node.session ? "" : " without agent"}`;
      if (seen.get(node.name) !== state) log(`node ${node.name}: ${state}: ${node.reason}`);
      seen.set(node.name, state);
    });
    scheduler.events.on("decisions", (_each, count) => log(`placement cycle over ${count} pending job(s)`));
    // Diagnosing a seed: TESSERA_SIM_JOBS=ID,ID puts every change of those jobs in the trace.
    scheduler.events.on("job", (_kind, job) => {
      if (!watchedJobs.has(job.id)) return;
      const slices = job.allocations.map(
        (a) => `${a.node}/${a.gpuUuid}/${a.kind}${a.migProfile ? `:${a.migProfile}@${a.migStart}` : ""}`,
      );
      log(`job ${job.id} attempt ${job.attempt} ${job.state} [${slices.join(" ")}]: ${job.reason}`);
    });
  };
  const closeScheduler = async () => {
    const closing = scheduler;
    scheduler = undefined;
    if (!closing) return;
    const done = closing.close();
    await vi.advanceTimersByTimeAsync(50);
    await done;
    store?.close();
    store = undefined;
    for (const agent of agents) agent.schedulerGone(Date.now(), 200 + random.below(2_000));
  };

  const agents = SIM_FLEET.map(
    (node) =>
      new SimulatedAgent({
        name: node.name,
        models: node.models,
        defaultFencingTimeoutMs: FENCING_TIMEOUT_MS,
        heartbeatMs: HEARTBEAT_MS,
        vmRuntimes: node.vm ? ["qemu"] : [],
        log,
        plan: (jobId, now) => {
          const declared = scheduler?.job(jobId)?.spec.maxRuntimeSeconds;
          const runtime = random.next() < 0.03 ? 300_000 : 500 + random.below(40_000);
          return {
            endsAtMs: now + Math.min(runtime, declared === undefined ? Infinity : declared * 1000),
            exitCode: random.next() < 0.85 ? 0 : 1,
          };
        },
      }),
  );
  const members = new Map<string, number>();
  const membersOf = (jobId: string) => members.get(jobId) ?? 1;

  /** Runs the fake clock until nothing but the lease timer is left: every cycle and commit has finished. */
  const settle = async () => {
    for (let i = 0; i < 200 && vi.getTimerCount() > (scheduler ? 1 : 0); i++)
      await vi.advanceTimersByTimeAsync(5);
  };

  const check = (step: number): string[] => {
    const problems = [...failures.splice(0), ...processViolations(agents, membersOf)];
    if (!scheduler) return problems;
    problems.push(...bookingViolations(scheduler.liveJobs()));
    // Jobs seen final are checked again (still there, still final) every 100 steps: their number only grows.
    const everyJob = step % 100 === 99;
    for (const [id, name] of acked) {
      if (!everyJob && finalSeen.has(id)) continue;
      const job = scheduler.job(id);
      if (!job) {
        problems.push(`acknowledged job ${id} (${name}) is lost`);
        continue;
      }
      const final = finalSeen.get(id);
      if (final && job.state !== final)
        problems.push(`job ${id} left its final state ${final} for ${job.state}`);
      if (!final && finalJobStates.has(job.state)) finalSeen.set(id, job.state);
    }
    const reserved = scheduler.queue.reservedJob();
    if (reserved !== undefined && scheduler.job(reserved)?.state !== "Pending") {
      problems.push(`capacity is reserved for job ${reserved}, which is ${scheduler.job(reserved)?.state}`);
    }
    const ready = [...scheduler.nodes()].some((n) => n.state === "Ready" && n.inEngine);
    if (ready) {
      for (const audit of scheduler.queue.audit(Date.now())) {
        const job = scheduler.job(audit.jobId);
        if (job?.state !== "Pending") continue;
        if (audit.blockedBy === undefined) {
          problems.push(
            `job ${job.id} (${describe(job.spec)}) stays pending though it could start now without delaying anyone (reservation now: ${audit.reservation ?? "none"}); its reason: ${job.reason}; the queue recorded: ${audit.recorded?.message}`,
          );
        } else if (
          audit.recorded?.kind !== audit.blockedBy &&
          !stillTrue(audit.recorded?.kind, audit.blockedBy)
        ) {
          problems.push(
            `job ${job.id}: its reason says ${audit.recorded?.kind ?? "nothing"} (${job.reason}) but it waits for ${audit.blockedBy}`,
          );
        } else if (
          audit.blockedBy === "reservation" &&
          reserved &&
          !job.reason.includes(reserved) &&
          !job.reason.includes("promised to")
        ) {
          problems.push(
            `job ${job.id} waits for the reservation of ${reserved}, but its reason says: ${job.reason}`,
          );
        }
      }
    }
    return problems;
  };

  openScheduler();
  try {
    for (let step = 0; step < options.steps; step++) {
      const now = Date.now();
      for (const event of events.filter((e) => e.atMs <= now)) {
        events.splice(events.indexOf(event), 1);
        log(event.what);
        await event.run();
      }
      await act(step);
      for (const agent of agents) agent.tick(Date.now(), scheduler);
      await vi.advanceTimersByTimeAsync(20 + random.below(600));
      await settle();
      const problems = check(step);
      if ((step + 1) % 100 === 0) summary();
      if (problems.length > 0) {
        throw new SimulationFailure(
          [
            `seed ${options.seed}, step ${step}: ${problems.length} invariant(s) broken:`,
            ...problems.slice(0, 10).map((p) => `  - ${p}`),
            "trace (latest last):",
            ...trace,
            `replay: TESSERA_SIM_SEED=${options.seed} TESSERA_SIM_STEPS=${step + 1} npx vitest run test/scheduler-simulation.test.ts`,
          ].join("\n"),
        );
      }
      if (options.onProgress && options.progressEvery && (step + 1) % options.progressEvery === 0) {
        options.onProgress(step + 1, summary());
      }
    }
    return summary();
  } finally {
    await closeScheduler().catch(() => {});
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  }

  function summary(): SimulationStats {
    // While the scheduler is down (a restart at the end), the states it had last.
    if (scheduler) {
      const states: Record<string, number> = {};
      for (const job of scheduler.jobs()) states[job.state] = (states[job.state] ?? 0) + 1;
      stats.states = states;
    }
    stats.layoutRefusals = agents.reduce((sum, a) => sum + a.layoutRefusals, 0);
    return { ...stats, simulatedSeconds: Math.round((Date.now() - start) / 1000) };
  }

  async function act(step: number): Promise<void> {
    const roll = random.next();
    const pickAgent = (ok: (a: SimulatedAgent) => boolean) => {
      const candidates = agents.filter(ok);
      return candidates.length > 0 ? candidates[random.below(candidates.length)] : undefined;
    };
    if (roll < 0.15) {
      const n = stats.submitted++;
      const spec = randomJobSpec(random, n);
      if (!scheduler) {
        log(`step ${step}: submit ${spec.name} refused: the scheduler is down`);
        return;
      }
      log(`step ${step}: submit ${spec.name}: ${describe(spec)}`);
      scheduler.submit(spec, `req-${n}`).then(
        ({ job }) => {
          acked.set(job.id, spec.name);
          members.set(job.id, spec.request.shape.kind === "gang" ? spec.request.shape.nodes : 1);
          stats.acknowledged++;
          log(`${spec.name} acknowledged as ${job.id}`);
        },
        (error: Error) => log(`${spec.name} refused: ${error.message}`),
      );
    } else if (roll < 0.19) {
      const live = [...(scheduler?.liveJobs() ?? [])];
      const job = live[random.below(live.length)];
      if (!scheduler || !job) return;
      stats.cancels++;
      log(`step ${step}: cancel ${job.id} (${job.state})`);
      scheduler
        .cancel(job.id, "simulated")
        .catch((error: Error) => log(`cancel ${job.id}: ${error.message}`));
    } else if (roll < 0.205) {
      // A dead agent cannot fence its jobs: crashes are short (a restart), and none strike during a partition,
      // where the agent's own fencing is what keeps a job from running twice.
      const agent = pickAgent((a) => a.state === "up" && !a.partitioned);
      if (!agent) return;
      stats.agentCrashes++;
      log(`step ${step}: agent of ${agent.name} crashes (${agent.running().length} processes keep running)`);
      agent.crash(scheduler);
      at(500 + random.below(8_000), `agent of ${agent.name} restarts`, () => agent.restart(Date.now()));
    } else if (roll < 0.21) {
      const agent = pickAgent((a) => a.state !== "hostDown");
      if (!agent) return;
      stats.hostCrashes++;
      log(`step ${step}: host ${agent.name} goes down with ${agent.running().length} processes`);
      agent.hostDown(scheduler);
      at(2_000 + random.below(120_000), `host ${agent.name} is back`, () => agent.restart(Date.now()));
    } else if (roll < 0.22) {
      const agent = pickAgent((a) => a.state === "up" && !a.partitioned);
      if (!agent) return;
      stats.partitions++;
      log(`step ${step}: network partition cuts off ${agent.name} (${agent.running().length} processes)`);
      agent.startPartition(Date.now());
      at(1_000 + random.below(90_000), `partition of ${agent.name} heals`, () =>
        agent.healPartition(Date.now()),
      );
    } else if (roll < 0.223 && scheduler) {
      stats.schedulerRestarts++;
      const downMs = random.below(20_000);
      log(`step ${step}: scheduler restarts on the same store after ${downMs} ms down`);
      await closeScheduler();
      at(downMs, "scheduler starts", openScheduler);
    } else if (roll < 0.2245 && scheduler) {
      stats.shutdowns++;
      const downMs = random.below(20_000);
      log(`step ${step}: operator shuts everything down for ${downMs} ms`);
      const stopping = scheduler.stopPlacing();
      await vi.advanceTimersByTimeAsync(5);
      await stopping;
      const now = Date.now();
      const stopped = agents.filter((a) => a.state === "up");
      for (const agent of stopped) agent.shutdown(now, scheduler);
      // What the agents reported is stored before the scheduler closes.
      await settle();
      await closeScheduler();
      at(downMs, "scheduler starts", openScheduler);
      for (const agent of stopped) {
        at(downMs + random.below(3_000), `agent of ${agent.name} starts`, () => agent.restart(Date.now()));
      }
    } else if (roll < 0.2265) {
      const agent = pickAgent((a) => a.state !== "hostDown");
      const uuids = (agent?.host.inventory() ?? []).map((g) => g.uuid ?? "");
      const working = uuids.filter((uuid) => !agent?.host.failing.has(uuid));
      if (!agent || working.length === 0) return;
      const uuid = working[random.below(working.length)] ?? "";
      stats.layoutFaults++;
      agent.host.failing.set(uuid, "NVML_ERROR_IN_USE: another process holds the GPU");
      log(`step ${step}: layout changes of ${uuid} on ${agent.name} start failing`);
      at(1_000 + random.below(30_000), `layout changes of ${uuid} work again`, () => {
        agent.host.failing.delete(uuid);
      });
    }
  }
}

function describe(spec: {
  name: string;
  kind: string;
  queue: string;
  request: { shape: object; models: string[] };
}) {
  return `${spec.kind} in ${spec.queue} ${JSON.stringify(spec.request.shape)}${spec.request.models.length ? ` on ${spec.request.models.join("|")}` : ""}`;
}

/**
 * A reason written during the last cycle that a later admission of the same cycle made stronger: a job that only
 * the reservation kept out no longer fits, or its queue's quota is now used up.
 */
function stillTrue(recorded: string | undefined, now: string): boolean {
  return (
    (recorded === "reservation" && (now === "capacity" || now === "quota")) ||
    (recorded === "capacity" && now === "quota")
  );
}
