import { timingSafeEqual } from "node:crypto";
import type { PeerCertificate } from "node:tls";
import * as grpc from "@grpc/grpc-js";
import { ServiceError } from "../service/ServiceError.ts";
import { Caller } from "./Caller.ts";
import type { CredentialsFile } from "./CredentialsFile.ts";

export interface AuthorizerOptions {
  /** `--token-file`: one shared token, an admin (and, without mTLS, any agent). */
  token?: string | undefined;
  /** `--credentials FILE`: users with roles and tenants. */
  credentials?: CredentialsFile | undefined;
  /** `--tls-ca` given: agents prove their node with a client certificate, tokens never act as agents. */
  mtls: boolean;
}

function unauthenticated(message: string): ServiceError {
  return new ServiceError(grpc.status.UNAUTHENTICATED, message);
}

/** The common name of a client certificate that verified against the CA. */
export function certificateName(certificate: PeerCertificate | undefined): string | undefined {
  const cn = certificate?.subject?.CN as string | string[] | undefined;
  return Array.isArray(cn) ? cn[0] : cn;
}

/** Establishes who calls from its bearer token and its verified client certificate. */
export class Authorizer {
  private readonly shared: Buffer | undefined;

  constructor(private readonly options: AuthorizerOptions) {
    this.shared = options.token ? Buffer.from(options.token) : undefined;
  }

  /** Whether users must present a token (otherwise, on loopback, anybody is an admin). */
  get authenticatesUsers(): boolean {
    return Boolean(this.options.token || this.options.credentials);
  }

  /** From the `authorization` header (gRPC metadata or HTTP) and a verified certificate's name. */
  caller(authorization: string | undefined, certName: string | undefined): Caller {
    const legacyAgents = !this.options.mtls;
    if (authorization === undefined || authorization === "") {
      if (this.authenticatesUsers) return Caller.of(undefined, certName, false);
      return Caller.of({ name: "anonymous", role: "admin", tenants: [] }, certName, legacyAgents);
    }
    const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (!token) throw unauthenticated("the authorization header must read: Bearer <token>");
    const given = Buffer.from(token);
    if (this.shared && given.length === this.shared.length && timingSafeEqual(given, this.shared)) {
      return Caller.of({ name: "shared-token", role: "admin", tenants: [] }, certName, legacyAgents);
    }
    const user = this.options.credentials?.userOf(token);
    if (user) return Caller.of(user, certName, false);
    throw unauthenticated("wrong token: pass --token-file with a token the scheduler knows");
  }

  grpcCaller(call: {
    metadata: grpc.Metadata;
    getAuthContext(): { sslPeerCertificate?: PeerCertificate } | null;
  }): Caller {
    const header = call.metadata.get("authorization")[0];
    return this.caller(
      header === undefined ? undefined : String(header),
      certificateName(call.getAuthContext()?.sslPeerCertificate),
    );
  }
}
