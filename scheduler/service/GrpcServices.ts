import * as grpc from "@grpc/grpc-js";
import type { AgentMessage__Output } from "../../proto/generated/tessera/v1/AgentMessage.ts";
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
import { type JobRecord, type JobState, jobStates } from "../store/JobRecord.ts";
import { StoreUnavailable } from "../store/StoreUnavailable.ts";
import { validateJobSpec } from "./JobSpecValidation.ts";
import { jobMessage, nodeMessage } from "./JobWire.ts";
import type { QueueControl } from "./QueueControl.ts";
import type { Scheduler } from "./Scheduler.ts";
import { SchedulerFleetView } from "./SchedulerFleetView.ts";
import type { JobEventType } from "./SchedulerView.ts";
import { ServiceError } from "./ServiceError.ts";

type Authorize = (metadata: grpc.Metadata) => ServiceError | undefined;

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

/**
 * Wraps a unary handler: checks the token, answers undecodable requests with INVALID_ARGUMENT, turns
 * ServiceErrors into their status, never throws.
 */
function unary<Req, Res>(
  authorize: Authorize,
  body: (request: Req) => Promise<Res> | Res,
): grpc.handleUnaryCall<Req | MalformedRequest, Res> {
  return (call, callback) => {
    const denied = authorize(call.metadata);
    if (denied) return callback(toStatus(denied) as grpc.ServiceError);
    const request = call.request;
    if (request instanceof MalformedRequest)
      return callback(toStatus(malformed(request)) as grpc.ServiceError);
    Promise.resolve()
      .then(() => body(request))
      .then(
        (res) => callback(null, res),
        (err: unknown) => callback(toStatus(err) as grpc.ServiceError),
      );
  };
}

const requestIdPattern = /^[\x21-\x7e]{1,128}$/;

export function jobServiceHandlers(scheduler: Scheduler, authorize: Authorize): JobServiceHandlers {
  return {
    Submit: unary(authorize, async (req) => {
      if (req.clientRequestId && !requestIdPattern.test(req.clientRequestId)) {
        throw ServiceError.invalid(
          "client_request_id: use 1-128 printable ASCII characters without spaces (a UUID)",
        );
      }
      const spec = validateJobSpec(req.spec);
      const { job, deduplicated } = await scheduler.submit(spec, req.clientRequestId);
      return { job: jobMessage(job), deduplicated };
    }),
    Get: unary(authorize, (req) => jobMessage(scheduler.requireJob(req.id))),
    List: unary(authorize, (req) => {
      for (const s of req.states) {
        if (!(jobStates as readonly string[]).includes(s)) {
          throw ServiceError.invalid(`states: "${s}" is not a job state; use ${jobStates.join(", ")}`);
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
      return { jobs: page.map(jobMessage), nextPageToken: more ? String(page.at(-1)?.seq ?? 0) : "" };
    }),
    Cancel: unary(authorize, async (req) => jobMessage(await scheduler.cancel(req.id, req.reason))),
    Logs: (call: grpc.ServerWritableStream<LogsRequest__Output | MalformedRequest, LogChunk>) => {
      const denied = authorize(call.metadata);
      if (denied) return refuse(call, denied);
      const request = call.request;
      if (request instanceof MalformedRequest) return refuse(call, malformed(request));
      try {
        const stop = scheduler.openLog(
          request.id,
          request.follow,
          (data) => call.write({ data }),
          (error) => {
            if (error) call.emit("error", { code: grpc.status.UNAVAILABLE, details: error });
            else call.end();
          },
        );
        call.on("cancelled", stop);
      } catch (err) {
        call.emit("error", toStatus(err));
      }
    },
    Watch: (call: grpc.ServerWritableStream<WatchJobsRequest__Output | MalformedRequest, JobEvent>) => {
      const denied = authorize(call.metadata);
      if (denied) return refuse(call, denied);
      const request = call.request;
      if (request instanceof MalformedRequest) return refuse(call, malformed(request));
      const wanted = request.jobId;
      const send = (type: string, job: JobRecord) => {
        if (wanted && job.id !== wanted) return;
        const event: JobEvent = { type, job: jobMessage(job), atUnixMs: Date.now() };
        call.write(event);
      };
      if (request.includeCurrent) {
        for (const j of scheduler.jobs()) send("current", j);
      }
      const listener = (type: JobEventType, job: JobRecord) => send(type, job);
      scheduler.events.on("job", listener);
      const stop = () => scheduler.events.off("job", listener);
      call.on("cancelled", stop);
      call.on("close", stop);
      call.on("error", stop);
    },
  };
}

export function nodeServiceHandlers(scheduler: Scheduler, authorize: Authorize): NodeServiceHandlers {
  return {
    Connect: (call) => {
      const denied = authorize(call.metadata);
      if (denied) return refuse(call, denied);
      let session: { node: string; id: number } | undefined;
      call.on("data", (msg: AgentMessage__Output | MalformedRequest) => {
        try {
          if (msg instanceof MalformedRequest) throw malformed(msg);
          if (msg.register) {
            if (session) throw ServiceError.invalid("register was already sent on this stream");
            if (!/^[a-z0-9][a-z0-9\-.]{0,62}$/.test(msg.register.node)) {
              throw ServiceError.invalid(
                `register.node "${msg.register.node}": use lower-case letters, digits, - and . (1-63)`,
              );
            }
            const node = msg.register.node;
            const s = scheduler.register(msg.register, {
              send: (m: SchedulerMessage) => call.write(m),
              close: () => call.end(),
            });
            session = { node, id: s.id };
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
        if (session) scheduler.disconnected(session.node, session.id);
      };
      call.on("end", () => {
        end();
        call.end();
      });
      call.on("cancelled", end);
      call.on("error", end);
    },
    ListNodes: unary(authorize, () => ({
      nodes: [...scheduler.nodes()].sort((a, b) => a.name.localeCompare(b.name)).map(nodeMessage),
    })),
  };
}

/**
 * GetCapacity: the fleet capacity the HTTP API, metrics and dashboard report (`fleetCapacity`), in the wire's
 * units (thousandths of a GPU, percent), with node and job counts.
 */
export function capacityServiceHandlers(scheduler: Scheduler, authorize: Authorize): CapacityServiceHandlers {
  return {
    GetCapacity: unary(authorize, (): Capacity => {
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
          idleGpus: m.gpusByState.free,
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

/** `tessera queues` and `tessera quota`: usage per queue, the config in force, reload of the --queues file. */
export function queueServiceHandlers(control: QueueControl, authorize: Authorize): QueueServiceHandlers {
  return {
    ListQueues: unary(authorize, () => ({ queues: control.listQueues() })),
    GetQuota: unary(authorize, () => control.quota()),
    ReloadQuota: unary(authorize, () => control.reload()),
  };
}
