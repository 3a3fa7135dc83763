import * as grpc from "@grpc/grpc-js";
import type { AuditEntry__Output } from "../../proto/generated/tessera/v1/AuditEntry.ts";
import type { AuditServiceClient } from "../../proto/generated/tessera/v1/AuditService.ts";
import type { Capacity__Output } from "../../proto/generated/tessera/v1/Capacity.ts";
import type { CapacityServiceClient } from "../../proto/generated/tessera/v1/CapacityService.ts";
import type { Job__Output } from "../../proto/generated/tessera/v1/Job.ts";
import type { JobEvent__Output } from "../../proto/generated/tessera/v1/JobEvent.ts";
import type { JobServiceClient } from "../../proto/generated/tessera/v1/JobService.ts";
import type { JobSpec } from "../../proto/generated/tessera/v1/JobSpec.ts";
import type { ListJobsRequest } from "../../proto/generated/tessera/v1/ListJobsRequest.ts";
import type { Node__Output } from "../../proto/generated/tessera/v1/Node.ts";
import type { NodeServiceClient } from "../../proto/generated/tessera/v1/NodeService.ts";
import type { QueueInfo__Output } from "../../proto/generated/tessera/v1/QueueInfo.ts";
import type { QueueServiceClient } from "../../proto/generated/tessera/v1/QueueService.ts";
import type { QuotaConfig__Output } from "../../proto/generated/tessera/v1/QuotaConfig.ts";
import type { SubmitResponse__Output } from "../../proto/generated/tessera/v1/SubmitResponse.ts";
import { schedulerReconnectBackoff } from "../../proto/tessera/LeaderRedirect.ts";
import { tokenClientOptions } from "../../proto/tessera/SchedulerEndpoint.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import { channelCredentials, type TlsMaterial } from "../../proto/tessera/TlsFiles.ts";

/** A promise-based client of the scheduler's JobService, NodeService and CapacityService. */
export class SchedulerClient {
  readonly jobs: JobServiceClient;
  readonly nodesClient: NodeServiceClient;
  readonly capacityClient: CapacityServiceClient;
  readonly queueClient: QueueServiceClient;
  readonly auditClient: AuditServiceClient;

  constructor(
    readonly address: string,
    token?: string,
    private readonly deadlineMs = 30_000,
    tls?: TlsMaterial,
  ) {
    const v1 = tesseraV1();
    const creds = channelCredentials(tls);
    const options = {
      ...tokenClientOptions(token),
      "grpc.max_receive_message_length": 64 * 1024 * 1024,
      // A scheduler replica that was down comes back (or turns leader) at the same address: reconnect within 1 s
      // instead of grpc-js's backoff of up to 2 minutes, kept per address across clients.
      ...schedulerReconnectBackoff,
    };
    this.jobs = new v1.JobService(address, creds, options);
    // One channel for all three: grpc-js shares subchannels between clients with equal options.
    this.nodesClient = new v1.NodeService(address, creds, options);
    this.capacityClient = new v1.CapacityService(address, creds, options);
    this.queueClient = new v1.QueueService(address, creds, options);
    this.auditClient = new v1.AuditService(address, creds, options);
  }

  private deadline(): grpc.CallOptions {
    return { deadline: Date.now() + this.deadlineMs };
  }

  submit(spec: JobSpec, clientRequestId: string): Promise<SubmitResponse__Output> {
    return new Promise((resolve, reject) =>
      this.jobs.Submit({ spec, clientRequestId }, this.deadline(), (err, res) =>
        err ? reject(err) : resolve(res!),
      ),
    );
  }

  queues(): Promise<QueueInfo__Output[]> {
    return new Promise((resolve, reject) =>
      this.queueClient.ListQueues({}, this.deadline(), (err, res) =>
        err ? reject(err) : resolve(res!.queues),
      ),
    );
  }

  /** The queue config in force, or (with `reload`) after re-reading the scheduler's --queues file. */
  quota(reload: boolean): Promise<QuotaConfig__Output> {
    return new Promise((resolve, reject) => {
      const done = (err: grpc.ServiceError | null, res?: QuotaConfig__Output) =>
        err ? reject(err) : resolve(res!);
      if (reload) this.queueClient.ReloadQuota({}, this.deadline(), done);
      else this.queueClient.GetQuota({}, this.deadline(), done);
    });
  }

  get(id: string): Promise<Job__Output> {
    return new Promise((resolve, reject) =>
      this.jobs.Get({ id }, this.deadline(), (err, res) => (err ? reject(err) : resolve(res!))),
    );
  }

  /** Every job matching the filter, following pages. */
  async list(filter: Omit<ListJobsRequest, "pageToken"> = {}): Promise<Job__Output[]> {
    const all: Job__Output[] = [];
    let pageToken = "";
    do {
      const page = await new Promise<{ jobs: Job__Output[]; nextPageToken: string }>((resolve, reject) =>
        this.jobs.List({ pageSize: 1000, ...filter, pageToken }, this.deadline(), (err, res) =>
          err ? reject(err) : resolve(res!),
        ),
      );
      all.push(...page.jobs);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return all;
  }

  cancel(id: string, reason = ""): Promise<Job__Output> {
    return new Promise((resolve, reject) =>
      this.jobs.Cancel({ id, reason }, this.deadline(), (err, res) => (err ? reject(err) : resolve(res!))),
    );
  }

  nodes(): Promise<Node__Output[]> {
    return new Promise((resolve, reject) =>
      this.nodesClient.ListNodes({}, this.deadline(), (err, res) =>
        err ? reject(err) : resolve(res!.nodes),
      ),
    );
  }

  /** Forgets a departed node (admin only); returns it as it was. */
  removeNode(name: string): Promise<Node__Output> {
    return new Promise((resolve, reject) =>
      this.nodesClient.RemoveNode({ name }, this.deadline(), (err, res) =>
        err ? reject(err) : resolve(res!.node!),
      ),
    );
  }

  capacity(): Promise<Capacity__Output> {
    return new Promise((resolve, reject) =>
      this.capacityClient.GetCapacity({}, this.deadline(), (err, res) => (err ? reject(err) : resolve(res!))),
    );
  }

  /**
   * A job's output, fetched from its node's agent; `follow` keeps it open until the job's process ends. A gang's
   * is every member's, lines prefixed with the rank, or member `rank`'s alone.
   */
  logs(id: string, follow: boolean, onData: (data: Buffer) => void, rank?: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const call = this.jobs.Logs(rank === undefined ? { id, follow } : { id, follow, rank });
      call.on("data", (chunk: { data: Buffer }) => onData(chunk.data));
      call.on("error", reject);
      call.on("end", () => resolve());
    });
  }

  /** Follows job events until the returned function is called or the stream fails. */
  watch(
    options: { jobId?: string; includeCurrent?: boolean },
    onEvent: (event: JobEvent__Output) => void,
    onEnd: (err?: grpc.ServiceError) => void,
  ): () => void {
    const call = this.jobs.Watch({
      jobId: options.jobId ?? "",
      includeCurrent: options.includeCurrent ?? false,
    });
    call.on("data", onEvent);
    call.on("error", (err: grpc.ServiceError) => {
      if (err.code !== grpc.status.CANCELLED) onEnd(err);
    });
    call.on("end", () => onEnd());
    return () => call.cancel();
  }

  /** The latest audit entries (admins only), oldest first. */
  audit(limit: number): Promise<AuditEntry__Output[]> {
    return new Promise((resolve, reject) =>
      this.auditClient.ListAudit({ limit }, this.deadline(), (err, res) =>
        err ? reject(err) : resolve(res!.entries),
      ),
    );
  }

  close(): void {
    this.auditClient.close();
    this.jobs.close();
    this.nodesClient.close();
    this.capacityClient.close();
    this.queueClient.close();
  }
}
