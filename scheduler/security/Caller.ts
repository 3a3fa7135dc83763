import { status } from "@grpc/grpc-js";
import { ServiceError } from "../service/ServiceError.ts";

export const roles = ["admin", "submitter", "viewer"] as const;
export type Role = (typeof roles)[number];

/** A user of the API: what it may do (role) and to which tenants' jobs. */
export interface User {
  name: string;
  role: Role;
  tenants: readonly string[];
}

function denied(message: string): ServiceError {
  return new ServiceError(status.PERMISSION_DENIED, message);
}

/** An agent's identity: a verified client certificate (one node) or an agent token (its listed nodes). */
export interface AgentIdentity {
  /** `node:gpu-1` for a certificate, `agent:NAME` for a token: who it is in the audit log. */
  name: string;
  nodes: readonly string[];
  /** A certificate (true) or an agent token. */
  certificate: boolean;
}

/** What a caller is made of, as the Authorizer established it. */
export interface CallerParts {
  /** Undefined when the call carried no user credential (an agent identity is not one). */
  user?: User | undefined;
  agent?: AgentIdentity | undefined;
  /** Legacy trust without mTLS or credentials: the shared token (or nobody on loopback) may act as any node. */
  anyNode?: boolean;
  /** `--tls-ca` is on: agents prove their node with a certificate (said in refusals). */
  mtls?: boolean;
}

/**
 * Who is calling, as established from its token and its verified client certificate, and what it may do. A
 * user acts on jobs of its tenants; an agent acts only as the nodes its certificate or agent token names.
 */
export class Caller {
  private constructor(private readonly parts: CallerParts) {}

  /** No authentication configured (loopback only): everything is allowed. */
  static open(): Caller {
    return new Caller({ user: { name: "anonymous", role: "admin", tenants: [] }, anyNode: true });
  }

  static of(parts: CallerParts): Caller {
    return new Caller(parts);
  }

  get user(): User | undefined {
    return this.parts.user;
  }

  /** Who did it, for the audit log. */
  get name(): string {
    return this.parts.user?.name ?? this.parts.agent?.name ?? "unknown";
  }

  requireUser(): User {
    if (this.parts.user) return this.parts.user;
    if (this.parts.agent) {
      throw denied(`${this.parts.agent.name} is an agent identity; present a user token instead`);
    }
    throw new ServiceError(status.UNAUTHENTICATED, "missing token: pass --token-file with your token file");
  }

  /** Reading the cluster's status: any user, or an agent (which follows the leader too). */
  requireUserOrAgent(): void {
    if (this.parts.agent || this.parts.anyNode) return;
    this.requireUser();
  }

  /** Whether the caller may see jobs of `tenant` at all (other tenants' jobs are not even listed). */
  sees(tenant: string): boolean {
    const user = this.parts.user;
    return user !== undefined && (user.role === "admin" || user.tenants.includes(tenant));
  }

  /** Admins see every tenant's work; everybody else sees other tenants' only as anonymous occupancy. */
  get seesEveryTenant(): boolean {
    return this.parts.user?.role === "admin";
  }

  requireSee(tenant: string, what: string): void {
    const user = this.requireUser();
    if (!this.sees(tenant)) throw denied(`${user.name} may not read ${what}: it belongs to tenant ${tenant}`);
  }

  /** Submitting, cancelling: an admin, or a submitter of that tenant. */
  requireWrite(tenant: string, what: string): void {
    const user = this.requireUser();
    if (user.role === "viewer") throw denied(`${user.name} is a viewer and may not ${what}`);
    if (!this.sees(tenant))
      throw denied(`${user.name} may not ${what}: tenant ${tenant} is not one of its tenants`);
  }

  requireAdmin(what: string): void {
    const user = this.requireUser();
    if (user.role !== "admin") throw denied(`${what} needs the admin role; ${user.name} is a ${user.role}`);
  }

  /** The tenant a job goes to: the one asked for, else the user's first tenant. */
  submitTenant(asked: string): string {
    const user = this.requireUser();
    return asked || user.tenants[0] || "";
  }

  /** Job environments (secrets) are shown to admins and to users of the job's own tenant only. */
  seesEnvOf(tenant: string): boolean {
    return this.sees(tenant);
  }

  /** Registering, reporting, receiving work: only as a node the certificate or agent token names. */
  requireAgentFor(node: string): void {
    const agent = this.parts.agent;
    if (this.parts.anyNode || agent?.nodes.includes(node)) return;
    const asked = node.slice(0, 64);
    if (agent?.certificate) {
      throw denied(`this certificate names node ${agent.nodes[0]}; it may not register as ${asked}`);
    }
    if (agent) throw denied(`${agent.name} may act as ${agent.nodes.join(", ")} only, not as ${asked}`);
    throw denied(
      this.parts.mtls
        ? "agents authenticate with a client certificate naming their node (--tls-cert/--tls-key); a user token cannot act as an agent"
        : "agents authenticate with an agent token (role: agent, nodes: [...] in --credentials) or a client certificate; a user token cannot act as an agent",
    );
  }
}
