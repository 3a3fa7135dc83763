import { timingSafeEqual } from "node:crypto";
import type { PeerCertificate } from "node:tls";
import * as grpc from "@grpc/grpc-js";
import { ServiceError } from "../service/ServiceError.ts";
import { AGENT_ORGANIZATION } from "./AgentOrganization.ts";
import { type AgentIdentity, Caller } from "./Caller.ts";
import { CredentialsFile } from "./CredentialsFile.ts";

export interface AuthorizerOptions {
  /** `--token-file`: one shared token, an admin (and, without mTLS or credentials, any agent). */
  token?: string | undefined;
  /** `--credentials FILE`: users with roles and tenants. */
  credentials?: CredentialsFile | undefined;
  /** `--tls-ca` given: agents prove their node with a client certificate, tokens never act as agents. */
  mtls: boolean;
}

function unauthenticated(message: string): ServiceError {
  return new ServiceError(grpc.status.UNAUTHENTICATED, message);
}

const clientAuthUsage = "1.3.6.1.5.5.7.3.2";

/**
 * The node a client certificate that verified against the CA names (its common name). Only a certificate made
 * for client authentication and issued to an agent (subject organization `tessera:agents`) is an agent's: the
 * scheduler's own (serverAuth), one without extended key usages, or a person's from the same CA is refused, so
 * neither a server's key nor a user's certificate can pose as a node.
 */
export function agentOfCertificate(certificate: PeerCertificate | undefined): AgentIdentity | undefined {
  const cn = certificate?.subject?.CN as string | string[] | undefined;
  const name = Array.isArray(cn) ? cn[0] : cn;
  if (!certificate || !name) return undefined;
  if (!certificate.ext_key_usage?.includes(clientAuthUsage)) {
    throw new ServiceError(
      grpc.status.PERMISSION_DENIED,
      `the client certificate of ${name.slice(0, 64)} is not for client authentication (no clientAuth extended key usage; a server certificate?): issue agents theirs with \`tessera certs --node NAME\``,
    );
  }
  const organization = certificate.subject?.O as string | string[] | undefined;
  if (![organization].flat().includes(AGENT_ORGANIZATION)) {
    throw new ServiceError(
      grpc.status.PERMISSION_DENIED,
      `the client certificate of ${name.slice(0, 64)} is not an agent's (its subject has no O=${AGENT_ORGANIZATION}; a person's?): people authenticate with a token; issue agents theirs with \`tessera certs --node NAME\``,
    );
  }
  return { name: `node:${name}`, nodes: [name], certificate: true };
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

  /** From the `authorization` header (gRPC metadata or HTTP) and a verified certificate's agent. */
  caller(authorization: string | undefined, certificate: AgentIdentity | undefined): Caller {
    const mtls = this.options.mtls;
    // The old rules, kept where nothing better is configured: no mTLS and no credentials file.
    const legacyAgents = !mtls && !this.options.credentials;
    if (authorization === undefined || authorization === "") {
      if (this.authenticatesUsers) return Caller.of({ agent: certificate, mtls });
      const anonymous = { name: "anonymous", role: "admin" as const, tenants: [] };
      return Caller.of({ user: anonymous, agent: certificate, anyNode: legacyAgents, mtls });
    }
    const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
    if (!token) throw unauthenticated("the authorization header must read: Bearer <token>");
    const given = Buffer.from(token);
    if (this.shared && given.length === this.shared.length && timingSafeEqual(given, this.shared)) {
      const admin = { name: "shared-token", role: "admin" as const, tenants: [] };
      return Caller.of({ user: admin, agent: certificate, anyNode: legacyAgents, mtls });
    }
    const user = this.options.credentials?.userOf(token);
    if (user) return Caller.of({ user, agent: certificate, mtls });
    const agent = this.options.credentials?.agentOf(token);
    if (agent) {
      if (mtls) {
        throw new ServiceError(
          grpc.status.PERMISSION_DENIED,
          `${agent.name} is an agent token; with --tls-ca agents prove their node with a client certificate instead`,
        );
      }
      return Caller.of({ agent: { name: `agent:${agent.name}`, nodes: agent.nodes, certificate: false } });
    }
    throw unauthenticated("wrong token: pass --token-file with a token the scheduler knows");
  }

  grpcCaller(call: {
    metadata: grpc.Metadata;
    getAuthContext(): { sslPeerCertificate?: PeerCertificate } | null;
  }): Caller {
    const header = call.metadata.get("authorization")[0];
    return this.caller(
      header === undefined ? undefined : String(header),
      agentOfCertificate(call.getAuthContext()?.sslPeerCertificate),
    );
  }
}

/**
 * The Authorizer of a scheduler's `--token-file`, `--credentials` and `--tls-ca`, following the credentials file
 * as it changes; `close` stops following it.
 */
export function schedulerAuthorizer(settings: {
  token?: string | undefined;
  credentials?: string | undefined;
  mtls: boolean;
  log?: ((line: string) => void) | undefined;
}): { authorizer: Authorizer; close(): void } {
  const credentials = settings.credentials ? new CredentialsFile(settings.credentials) : undefined;
  credentials?.follow((line) => settings.log?.(line));
  return {
    authorizer: new Authorizer({ token: settings.token, credentials, mtls: settings.mtls }),
    close: () => credentials?.close(),
  };
}
