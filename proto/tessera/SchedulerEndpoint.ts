import { readFileSync } from "node:fs";
import * as grpc from "@grpc/grpc-js";

/** Environment variable naming the scheduler for clients and agents. */
export const schedulerEnvVar = "TESSERA_SCHEDULER";
export const defaultSchedulerAddress = "127.0.0.1:7070";

/** `HOST:PORT` checked and split; IPv6 hosts in brackets (`[::1]:7070`). */
export function parseHostPort(value: string, what: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d{1,5})$/.exec(value.trim());
  const port = match ? Number(match[2]) : Number.NaN;
  if (!match || port > 65535) {
    throw new Error(`${what} "${value}" is not HOST:PORT (e.g. 127.0.0.1:7070)`);
  }
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
}

/** Reads a shared token file; the token is its content without surrounding whitespace. */
export function readTokenFile(path: string): string {
  let token: string;
  try {
    token = readFileSync(path, "utf8").trim();
  } catch (err) {
    throw new Error(`cannot read the token file ${path}: ${(err as Error).message}`);
  }
  if (token.length < 16)
    throw new Error(`the token in ${path} is shorter than 16 characters; use a long random one`);
  return token;
}

/**
 * Client options that present the token (when there is one) on every call as `authorization: Bearer TOKEN`.
 * An interceptor rather than call credentials: grpc-js sends call credentials only over TLS.
 */
export function tokenClientOptions(token: string | undefined): grpc.ClientOptions {
  if (!token) return {};
  const interceptor: grpc.Interceptor = (options, nextCall) =>
    new grpc.InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        metadata.set("authorization", `Bearer ${token}`);
        next(metadata, listener);
      },
    });
  return { interceptors: [interceptor] };
}
