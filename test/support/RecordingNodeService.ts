import * as grpc from "@grpc/grpc-js";
import type { AgentMessage__Output } from "../../proto/generated/tessera/v1/AgentMessage.ts";
import type { DesiredState } from "../../proto/generated/tessera/v1/DesiredState.ts";
import type { Report__Output } from "../../proto/generated/tessera/v1/Report.ts";
import type { SchedulerMessage } from "../../proto/generated/tessera/v1/SchedulerMessage.ts";
import { wholeReport } from "../../proto/tessera/ReportDelta.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";

/** One agent message as the stand-in scheduler received it. */
export interface ReceivedMessage {
  atMs: number;
  /** Counts the agent's streams: each reconnect opens the next one. */
  stream: number;
  /** As the agent meant it: a delta report is replaced by the whole report it stands for. */
  message: AgentMessage__Output;
  /** As it came over the wire (a report may be a delta). */
  wire: AgentMessage__Output;
}

type ConnectStream = grpc.ServerDuplexStream<AgentMessage__Output, SchedulerMessage>;

/**
 * A stand-in for the scheduler's NodeService on loopback that records what agents send and answers each
 * registration with a desired state the test chooses, so agent behaviour is tested without a scheduler's policy.
 * It can be stopped and started again on the same port, as a restarted scheduler is.
 */
export class RecordingNodeService {
  readonly received: ReceivedMessage[] = [];
  /** Sent to every agent when it registers. */
  desired: DesiredState = { generation: 1, gpus: [], assignments: [], heartbeatMs: 200, leaseMs: 2000 };
  private server: grpc.Server | undefined;
  private streams = 0;
  private readonly open = new Set<ConnectStream>();
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new grpc.Server();
    server.addService(tesseraV1().NodeService.service, {
      Connect: (stream: ConnectStream) => {
        const id = ++this.streams;
        this.open.add(stream);
        let lastReport: Report__Output | undefined;
        stream.on("data", (wire: AgentMessage__Output) => {
          const message = wire.report ? { ...wire, report: wholeReport(lastReport, wire.report) } : wire;
          lastReport = message.report ?? lastReport;
          this.received.push({ atMs: Date.now(), stream: id, message, wire });
          if (message.register) stream.write({ desired: this.desired });
        });
        stream.on("end", () => stream.end());
        stream.on("close", () => this.open.delete(stream));
        stream.on("error", () => this.open.delete(stream));
      },
      ListNodes: (_call: unknown, callback: grpc.sendUnaryData<{ nodes: [] }>) =>
        callback(null, { nodes: [] }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (err, bound) =>
        err ? reject(err) : resolve(bound),
      ),
    );
    this.server = server;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Sends a new desired state to every connected agent (and to later registrations). */
  send(desired: DesiredState): void {
    this.desired = desired;
    for (const stream of this.open) stream.write({ desired });
  }

  /** Stops at once, dropping the agents' streams, as a killed scheduler does. */
  stop(): void {
    this.server?.forceShutdown();
    this.server = undefined;
    this.open.clear();
  }

  registrations(): ReceivedMessage[] {
    return this.received.filter((r) => r.message.register);
  }

  reports(): ReceivedMessage[] {
    return this.received.filter((r) => r.message.report);
  }
}
