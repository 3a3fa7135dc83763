import * as grpc from "@grpc/grpc-js";
import type { AgentMessage__Output } from "../../proto/generated/tessera/v1/AgentMessage.ts";
import type { AuditServiceHandlers } from "../../proto/generated/tessera/v1/AuditService.ts";
import type { Capacity } from "../../proto/generated/tessera/v1/Capacity.ts";
import type { CapacityServiceHandlers } from "../../proto/generated/tessera/v1/CapacityService.ts";
import type { JobEvent } from "../../proto/generated/tessera/v1/JobEvent.ts";
import type { JobServiceHandlers } from "../../proto/generated/tessera/v1/JobService.ts";
import type { LogChunk } from "../../proto/generated/tessera/v1/LogChunk.ts";
import type { LogsRequest__Output } from "../../proto/generated/tessera/v1/LogsRequest.ts";
import type { NodeServiceHandlers } from "../../proto/generated/tessera/v1/NodeService.ts";
import type { QueueServiceHandlers } from "../../proto/generated/tessera/v1/QueueService.ts";
import type { SchedulerMessage } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import type { WatchJobsRequest__Output } from "../../proto/generated/tessera/v1/WatchJobsRequest.ts";
import { MalformedRequest } from "../../proto/MalformedRequest.ts";
import { fleetCapacity } from "../metrics/FleetCapacity.ts";
import type { Caller } from "../security/Caller.ts";
import type { EdgeSecurity } from "../security/EdgeSecurity.ts";
import { type JobRecord, type JobState, jobStates } from "../store/JobRecord.ts";
import { StoreUnavailable } from "../store/StoreUnavailable.ts";
import { validateJobSpec } from "./JobSpecValidation.ts";
import { jobMessage, nodeMessage } from "./JobWire.ts";
import type { QueueControl } from "./QueueControl.ts";
import { quoted } from "./QuotedValue.ts";
import type { Scheduler } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import type { JobEventType } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";

/** A job as this caller may read it: the environment (secrets) only for its own tenant's users and admins. */
function visibleJob(caller: Caller, job: JobRecord, scheduler: Scheduler) {
  const message = jobMessage(job, (node) => scheduler.node(node)?.capabilities?.mps);
  message.reason = scheduler.shownReason(job);
  if (message.spec && !caller.seesEnvOf(job.spec.tenant)) message.spec.env = {};
  return message;
}

function toStatus(err: unknown): Partial<grpc.StatusObject> {
  if (err instanceof ServiceError || err instanceof StoreUnavailable)
    return { code: err.code, details: err.message };
  return { code: grpc.status.INTERNAL, details: `internal error: ${(err as Error).message}` };
}

/** The answer to request bytes that did not decode (the services are served through `tolerant`). */
function malformed(request: MalformedRequest): ServiceError {
  return ServiceError.invalid(request.describe());
}

/** Ends a stream call with the error's status. */
function refuse(
  call: grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>,
  error: ServiceError,
): void {
  call.emit("error", toStatus(error));
}

/** Who calls, or the UNAUTHENTICATED error that ends the call. */
function identify(
  security: EdgeSecurity,
  call: Parameters<EdgeSecurity["authorizer"]["grpcCaller"]>[0],
): Caller | ServiceError {
  try {
    return security.authorizer.grpcCaller(call);
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
}

/**
 * Wraps a unary handler: identifies the caller, answers undecodable requests with INVALID_ARGUMENT, turns
 * ServiceErrors into their status, never throws.
 */
function unary<Req, Res>(
  security: EdgeSecurity,
  body: (request: Req, caller: Caller) => Promise<Res> | Res,
): grpc.handleUnaryCall<Req | MalformedRequest, Res> {
  return (call, callback) => {
    const caller = identify(security, call);
    if (caller instanceof ServiceError) return callback(toStatus(caller) as grpc.ServiceError);
    const request = call.request;
    if (request instanceof MalformedRequest)
      return callback(toStatus(malformed(request)) as grpc.ServiceError);
    Promise.resolve()
      .then(() => body(request, caller))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(toStatus(err) as grpc.ServiceError),
      );
  };
}

/**
 * Events a Watch may have waiting for a client that does not read; past it the watch is closed rather than held
 * in memory without end (a job event is at most ~150 KiB with the spec limits, so ~10 MiB a watcher).
 */
export const maxWatchBacklog = 64;

const requestIdPattern = /^[\x21-\x7e]{1,128}$/;
/** Job ids as JobLifecycle makes them, wherever they appear in text. */
const jobIdPattern = /\bj-[0-9a-f]{12}\b/g;

export function jobServiceHandlers(scheduler: Scheduler, security: EdgeSecurity): JobServiceHandlers {
  const readable = (caller: Caller, id: string) => {
    const job = scheduler.requireJob(id);
    caller.requireSee(job.spec.tenant, `job ${id}`);
    return job;
  };
  return {
    Submit: unary(security, async (req, caller) => {
      if (req.clientRequestId && !requestIdPattern.test(req.clientRequestId)) {
        throw ServiceError.invalid(
          "client_request_id: use 1-128 printable ASCII characters without spaces (a UUID)",
        );
      }
      caller.requireUser();
      const spec = validateJobSpec(
        req.spec ? { ...req.spec, tenant: caller.submitTenant(req.spec.tenant) } : null,
      );
      caller.requireWrite(spec.tenant, `submit jobs to tenant ${spec.tenant}`);
      const { job, deduplicated } = await scheduler.submit(spec, req.clientRequestId);
      if (!deduplicated) security.audit(caller.name, "submit", job.id, `tenant ${spec.tenant}, ${spec.name}`);
      return { job: visibleJob(caller, job, scheduler), deduplicated };
    }),
    Get: unary(security, (req, caller) => visibleJob(caller, readable(caller, req.id), scheduler)),
    List: unary(security, (req, caller) => {
      caller.requireUser();
      if (req.states.length > jobStates.length)
        throw ServiceError.invalid(`states: list at most ${jobStates.length}`);
      for (const s of req.states) {
        if (!(jobStates as readonly string[]).includes(s)) {
          throw ServiceError.invalid(`states: ${quoted(s)} is not a job state; use ${jobStates.join(", ")}`);
        }
      }
      const pageSize = req.pageSize === 0 ? 100 : req.pageSize;
      if (pageSize < 1 || pageSize > 1000)
        throw ServiceError.invalid(`page_size ${req.pageSize} is outside 1..1000`);
      const after = req.pageToken ? Number(req.pageToken) : 0;
      if (!Number.isInteger(after) || after < 0)
        throw ServiceError.invalid("page_token: pass back a next_page_token");
      const states = new Set(req.states as JobState[]);
      const matches = (j: JobRecord) =>
        j.seq > after &&
        caller.sees(j.spec.tenant) &&
        (states.size === 0 || states.has(j.state)) &&
        (!req.tenant || j.spec.tenant === req.tenant) &&
        (!req.node || j.allocations.some((a) => a.node === req.node)) &&
        (!req.nameContains || j.spec.name.includes(req.nameContains));
      const page: JobRecord[] = [];
      let more = false;
      for (const j of scheduler.jobs()) {
        if (!matches(j)) continue;
        if (page.length === pageSize) {
          more = true;
          break;
        }
        page.push(j);
      }
      page.sort((a, b) => a.seq - b.seq);
      return {
        jobs: page.map((j) => visibleJob(caller, j, scheduler)),
        nextPageToken: more ? String(page.at(-1)?.seq ?? 0) : "",
      };
    }),
    Cancel: unary(security, async (req, caller) => {
      const job = readable(caller, req.id);
      caller.requireWrite(job.spec.tenant, `cancel job ${req.id}`);
      const cancelled = await scheduler.cancel(req.id, req.reason);
      security.audit(caller.name, "cancel", req.id, req.reason);
      return visibleJob(caller, cancelled, scheduler);
    }),
    Logs: (call: grpc.ServerWritableStream<LogsRequest__Output | MalformedRequest, LogChunk>) => {
      const caller = identify(security, call);
      if (caller instanceof ServiceError) return refuse(call, caller);
      const request = call.request;
      if (request instanceof MalformedRequest) return refuse(call, malformed(request));
      try {
        readable(caller, request.id);
        const stop = scheduler.openLog(
          request.id,
          request.follow,
          (data) => call.write({ data }),
          (error) => {
            if (error) call.emit("error", { code: grpc.status.UNAVAILABLE, details: error });
            else call.end();
          },
          // An unset proto3 `optional` decodes to no property (protobufjs names no `_rank` oneof for it).
          request.rank,
        );
        call.on("cancelled", stop);
      } catch (err) {
        call.emit("error", toStatus(err));
      }
    },
    Watch: (call: grpc.ServerWritableStream<WatchJobsRequest__Output | MalformedRequest, JobEvent>) => {
      const caller = identify(security, call);
      if (caller instanceof ServiceError) return refuse(call, caller);
      const request = call.request;
      if (request instanceof MalformedRequest) return refuse(call, malformed(request));
      try {
        caller.requireUser();
        if (request.jobId) readable(caller, request.jobId);
      } catch (err) {
        return call.emit("error", toStatus(err));
      }
      const wanted = request.jobId;
      let closed = false;
      const send = (type: string, job: JobRecord) => {
        if (closed || (wanted && job.id !== wanted)) return;
        if (!caller.sees(job.spec.tenant)) return;
        if (call.writableLength >= maxWatchBacklog) {
          closed = true;
          stop();
          call.emit("error", {
            code: grpc.status.RESOURCE_EXHAUSTED,
            details: `watch closed: the client fell ${maxWatchBacklog} events behind; read faster or watch again with include_current`,
          });
          return;
        }
        const event: JobEvent = { type, job: visibleJob(caller, job, scheduler), atUnixMs: Date.now() };
        call.write(event);
      };
      if (request.includeCurrent) {
        for (const j of scheduler.jobs()) send("current", j);
      }
      const listener = (type: JobEventType, job: JobRecord) => send(type, job);
      function stop() {
        scheduler.events.off("job", listener);
      }
      scheduler.events.on("job", listener);
      call.on("cancelled", stop);
      call.on("close", stop);
      call.on("error", stop);
    },
  };
}

export function nodeServiceHandlers(scheduler: Scheduler, security: EdgeSecurity): NodeServiceHandlers {
  return {
    Connect: (call) => {
      const caller = identify(security, call);
      if (caller instanceof ServiceError) return refuse(call, caller);
      let session: { node: string; id: number } | undefined;
      call.on("data", (msg: AgentMessage__Output | MalformedRequest) => {
        try {
          if (msg instanceof MalformedRequest) throw malformed(msg);
          if (msg.register) {
            if (session) throw ServiceError.invalid("register was already sent on this stream");
            if (!/^[a-z0-9][a-z0-9\-.]{0,62}$/.test(msg.register.node)) {
              throw ServiceError.invalid(
                `register.node ${quoted(msg.register.node)}: use lower-case letters, digits, - and . (1-63)`,
              );
            }
            const node = msg.register.node;
            caller.requireAgentFor(node);
            const s = scheduler.register(msg.register, {
              send: (m: SchedulerMessage) => call.write(m),
              close: () => call.end(),
            });
            session = { node, id: s.id };
            security.audit(caller.name, "node-register", node, `generation ${msg.register.generation}`);
          } else if (msg.report) {
            if (!session) throw ServiceError.invalid("send register before any report");
            scheduler.report(session.node, session.id, msg.report);
          } else if (msg.logChunk) {
            if (session) scheduler.logChunk(session.node, session.id, msg.logChunk);
          }
        } catch (err) {
          call.emit("error", toStatus(err));
        }
      });
      const end = () => {
        if (!session) return;
        scheduler.disconnected(session.node, session.id);
        security.audit(caller.name, "node-disconnect", session.node);
        session = undefined;
      };
      call.on("end", () => {
        end();
        call.end();
      });
      call.on("cancelled", end);
      call.on("error", end);
    },
    ListNodes: unary(security, (_req, caller) => {
      caller.requireUser();
      const nodes = [...scheduler.nodes()].sort((a, b) => a.name.localeCompare(b.name)).map(nodeMessage);
      if (caller.seesEveryTenant) return { nodes };
      // Agents' reconcile errors name jobs; another tenant's stays anonymous.
      const named = (id: string) => {
        const job = scheduler.job(id);
        return job && caller.sees(job.spec.tenant) ? id : "(another tenant's job)";
      };
      for (const node of nodes) node.errors = node.errors?.map((e) => e.replace(jobIdPattern, named));
      return { nodes };
    }),
    RemoveNode: unary(security, (req, caller) => {
      caller.requireAdmin("removing a node");
      const node = scheduler.removeNode(req.name);
      security.audit(caller.name, "node-remove", req.name);
      return { node: nodeMessage(node) };
    }),
  };
}

/**
 * GetCapacity: the fleet capacity the HTTP API, metrics and dashboard report (`fleetCapacity`), in the wire's
 * units (thousandths of a GPU, percent), with node and job counts.
 */
export function capacityServiceHandlers(
  scheduler: Scheduler,
  security: EdgeSecurity,
): CapacityServiceHandlers {
  return {
    GetCapacity: unary(security, (_req, caller): Capacity => {
      caller.requireUser();
      const report = fleetCapacity(new SchedulerFleetView(scheduler).snapshot());
      const nodes = [...scheduler.nodes()];
      let pendingJobs = 0;
      let runningJobs = 0;
      for (const j of scheduler.jobs()) {
        if (j.state === "Pending") pendingJobs++;
        else if (j.state === "Running" || j.state === "Scheduled") runningJobs++;
      }
      return {
        nodes: nodes.length,
        readyNodes: nodes.filter((n) => n.state === "Ready").length,
        gpus: report.gpus,
        models: report.models.map((m) => ({
          model: m.model,
          gpus: m.gpus,
          freeGpus: m.gpusByState.free,
          allocatedMilli: Math.round(m.allocatedGpus * 1000),
          totalMilli: m.gpus * 1000,
          profiles: m.profiles.map((p) => ({ profile: p.profile, freeInstances: p.available })),
        })),
        fragmentationPercent: Math.round(report.fragmentation * 10000) / 100,
        pendingJobs,
        runningJobs,
      };
    }),
  };
}

/** `tessera audit`: who submitted, cancelled, changed quotas and nodes. Admins only. */
export function auditServiceHandlers(security: EdgeSecurity): AuditServiceHandlers {
  return {
    ListAudit: unary(security, async (req, caller) => {
      caller.requireAdmin("reading the audit log");
      const limit = req.limit === 0 ? 100 : req.limit;
      if (limit < 1 || limit > 10_000) throw ServiceError.invalid(`limit ${req.limit} is outside 1..10000`);
      const entries = await security.recentAudit({ limit, sinceMs: req.sinceUnixMs });
      return {
        entries: entries.map((e) => ({
          atUnixMs: e.atMs,
          who: e.who,
          action: e.action,
          target: e.target,
          detail: e.detail,
        })),
      };
    }),
  };
}

/** `tessera queues` and `tessera quota`: usage per queue, the config in force, reload of the --queues file. */
export function queueServiceHandlers(control: QueueControl, security: EdgeSecurity): QueueServiceHandlers {
  return {
    ListQueues: unary(security, (_req, caller) => {
      caller.requireUser();
      return { queues: control.listQueues() };
    }),
    GetQuota: unary(security, (_req, caller) => {
      caller.requireUser();
      return control.quota();
    }),
    ReloadQuota: unary(security, (_req, caller) => {
      caller.requireAdmin("reloading the queue config");
      const config = control.reload();
      security.audit(caller.name, "quota-reload", "queues", `${config.queues?.length ?? 0} queues`);
      return config;
    }),
  };
}
