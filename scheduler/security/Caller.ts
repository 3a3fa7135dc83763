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

/**
 * Who is calling, as established from its token and its verified client certificate, and what it may do. A
 * user acts on jobs of its tenants; an agent acts only as the node its certificate names.
 */
export class Caller {
  private constructor(
    /** Undefined when the call carried no user credential (an agent's certificate alone is not one). */
    readonly user: User | undefined,
    /** The node a verified client certificate names. */
    readonly agentNode: string | undefined,
    /** Legacy trust without mTLS: the shared token (or no authentication at all on loopback) may act as any node. */
    private readonly anyNode: boolean,
  ) {}

  /** No authentication configured (loopback only): everything is allowed. */
  static open(): Caller {
    return new Caller({ name: "anonymous", role: "admin", tenants: [] }, undefined, true);
  }

  static of(user: User | undefined, agentNode: string | undefined, anyNode: boolean): Caller {
    return new Caller(user, agentNode, anyNode);
  }

  /** Who did it, for the audit log. */
  get name(): string {
    return this.user?.name ?? (this.agentNode ? `node:${this.agentNode}` : "unknown");
  }

  requireUser(): User {
    if (this.user) return this.user;
    if (this.agentNode) {
      throw denied(
        `the certificate of node ${this.agentNode} is an agent identity; present a user token instead`,
      );
    }
    throw new ServiceError(status.UNAUTHENTICATED, "missing token: pass --token-file with your token file");
  }

  /** Whether the caller may see jobs of `tenant` at all (other tenants' jobs are not even listed). */
  sees(tenant: string): boolean {
    const user = this.user;
    return user !== undefined && (user.role === "admin" || user.tenants.includes(tenant));
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

  /** Registering, reporting, receiving work: only as the node the certificate names. */
  requireAgentFor(node: string): void {
    if (this.anyNode || this.agentNode === node) return;
    if (this.agentNode) {
      throw denied(
        `this certificate names node ${this.agentNode}; it may not register as ${node.slice(0, 64)}`,
      );
    }
    throw denied(
      "agents authenticate with a client certificate naming their node (--tls-cert/--tls-key); a user token cannot act as an agent",
    );
  }
}
