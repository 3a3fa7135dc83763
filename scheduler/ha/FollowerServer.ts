import * as grpc from "@grpc/grpc-js";
import type { ClusterStatus } from "../../proto/generated/tessera/v1/ClusterStatus.ts";
import { followerRefusal } from "../../proto/tessera/LeaderRedirect.ts";
import { tesseraV1 } from "../../proto/tessera/TesseraGrpc.ts";
import type { Authorizer } from "../security/Authorizer.ts";
import { clusterServiceHandlers } from "./ClusterStatusService.ts";

/** Answers every call of a service with the follower's refusal (UNAVAILABLE naming the leader). */
function refusingHandlers(
  definition: grpc.ServiceDefinition,
  refusal: () => Promise<Partial<grpc.StatusObject>>,
): grpc.UntypedServiceImplementation {
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(definition)) {
    handlers[name] = method.responseStream
      ? (call: grpc.ServerWritableStream<unknown, unknown>) => {
          void refusal().then((status) => call.emit("error", status));
        }
      : (_call: unknown, callback: grpc.sendUnaryData<unknown>) => {
          void refusal().then((status) => callback(status));
        };
  }
  return handlers;
}

export interface FollowerServer {
  /** The bound address, HOST:PORT. */
  address: string;
  close(): Promise<void>;
}

/**
 * What a scheduler serves while it does not lead: ClusterService, and for every other service a refusal that
 * names the leader, so clients and agents given several addresses move to it.
 */
export async function startFollowerServer(
  listen: { host: string; port: number },
  self: () => string,
  leader: () => Promise<string | undefined>,
  status: () => Promise<ClusterStatus>,
  /** The leader's own TLS and caller checks: a follower answers on the same terms. */
  security: { transport: grpc.ServerCredentials; authorizer: Authorizer },
): Promise<FollowerServer> {
  const server = new grpc.Server({ "grpc.keepalive_permit_without_calls": 1 });
  const v1 = tesseraV1();
  const refusal = async () => followerRefusal(self(), await leader().catch(() => undefined));
  for (const service of [v1.JobService, v1.NodeService, v1.CapacityService, v1.QueueService]) {
    server.addService(service.service, refusingHandlers(service.service, refusal));
  }
  server.addService(v1.ClusterService.service, clusterServiceHandlers(status, security.authorizer));
  const bindHost = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${bindHost}:${listen.port}`, security.transport, (err, p) =>
      err ? reject(new Error(`cannot listen on ${bindHost}:${listen.port}: ${err.message}`)) : resolve(p),
    ),
  );
  return {
    address: `${bindHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Streams refused a moment ago are done; nothing here is worth waiting for.
        server.forceShutdown();
        resolve();
      }),
  };
}
