import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Caller } from "../security/Caller.ts";
import type { EdgeSecurity } from "../security/EdgeSecurity.ts";
import { ServiceError } from "../service/ServiceError.ts";
import { ApiError } from "./HttpErrors.ts";
import type { JobAccess } from "./JobAccess.ts";

const cookieName = "tessera_token";
const callers = new WeakMap<FastifyRequest, Caller>();

function callerOf(request: FastifyRequest): Caller {
  const caller = callers.get(request);
  if (!caller) throw new ApiError(401, "this route needs a token: send Authorization: Bearer <token>");
  return caller;
}

function cookieToken(request: FastifyRequest): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${cookieName}=([^;]+)`).exec(request.headers.cookie ?? "");
  return match ? decodeURIComponent(match[1]!) : undefined;
}

const loginPage = `<!doctype html><html><head><meta charset="utf-8"><title>Tessera: sign in</title></head>
<body><form id="f"><label>Token <input id="t" type="password" autocomplete="current-password" size="48"></label>
<button>Sign in</button><p id="e"></p></form><script>
document.getElementById("f").onsubmit = async (ev) => {
  ev.preventDefault();
  const r = await fetch("/login", { method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: document.getElementById("t").value }) });
  if (r.ok) location.href = "/dashboard/"; else document.getElementById("e").textContent = (await r.json()).message;
};</script></body></html>`;

/**
 * Every HTTP route needs a user token (`Authorization: Bearer`, or the dashboard's sign-in cookie) except the
 * `publicPaths`; jobs are seen and changed per tenant as over gRPC, other tenants' work shows only as anonymous
 * occupancy (the JobAccess returned).
 */
export function registerHttpAccess(
  app: FastifyInstance,
  security: EdgeSecurity,
  options: { publicPaths: readonly string[] },
): JobAccess {
  const open = new Set([...options.publicPaths, "/login"]);
  app.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    if (open.has(path)) return;
    const header =
      request.headers.authorization ?? (cookieToken(request) ? `Bearer ${cookieToken(request)}` : undefined);
    let caller: Caller;
    try {
      caller = security.authorizer.caller(header, undefined);
      caller.requireUser();
    } catch (err) {
      const page = request.method === "GET" && (path === "/" || path.startsWith("/dashboard"));
      if (page && err instanceof ServiceError) return reply.redirect("/login");
      throw err;
    }
    callers.set(request, caller);
  });
  // Only the public routes run without a caller (the hook above refuses the others), and they show everything.
  return {
    sees: (request, tenant) => callers.get(request)?.sees(tenant) ?? true,
    seesEveryTenant: (request) => callers.get(request)?.seesEveryTenant ?? true,
    submitTenant: (request, asked) => callerOf(request).submitTenant(asked),
    requireWrite: (request, tenant, what) => callerOf(request).requireWrite(tenant, what),
    record: (request, action, target, detail) =>
      security.audit(callerOf(request).name, action, target, detail),
  };
}

/**
 * The dashboard's sign-in (`/login` sets an HttpOnly cookie holding the token) and `GET /v1/audit`. Registered
 * after the API so that they answer errors the API's way.
 */
export function registerAccessRoutes(
  app: FastifyInstance,
  security: EdgeSecurity,
  options: { secureCookie: boolean },
): void {
  app.get("/login", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(loginPage),
  );
  app.post<{ Body: { token: string } }>(
    "/login",
    {
      schema: {
        hide: true,
        body: {
          type: "object",
          required: ["token"],
          additionalProperties: false,
          properties: { token: { type: "string", minLength: 1, maxLength: 4096 } },
        },
      },
    },
    async (request, reply) => {
      const caller = security.authorizer.caller(`Bearer ${request.body.token}`, undefined);
      const user = caller.requireUser();
      const attributes = `Path=/; HttpOnly; SameSite=Strict${options.secureCookie ? "; Secure" : ""}`;
      reply.header("set-cookie", `${cookieName}=${encodeURIComponent(request.body.token)}; ${attributes}`);
      return { name: user.name, role: user.role, tenants: user.tenants };
    },
  );
  app.get<{ Querystring: { limit: number } }>(
    "/v1/audit",
    {
      schema: {
        summary: "Who submitted, cancelled, changed quotas and nodes (admins only)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { limit: { type: "integer", minimum: 1, maximum: 10000, default: 100 } },
        },
      },
    },
    async (request) => {
      callerOf(request).requireAdmin("reading the audit log");
      return { entries: await security.recentAudit({ limit: request.query.limit }) };
    },
  );
}
