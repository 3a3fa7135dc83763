import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { sourceTreePath } from "../../proto/SourceTree.ts";

const assets = [
  { file: "index.html", type: "text/html; charset=utf-8" },
  { file: "dashboard.js", type: "text/javascript; charset=utf-8" },
  { file: "dashboard.css", type: "text/css; charset=utf-8" },
] as const;

/** Serves the dashboard page at /dashboard/ (and redirects / there). The page itself only calls the JSON API. */
export function registerDashboard(app: FastifyInstance): void {
  for (const { file, type } of assets) {
    // Read once at start: the page is small and a running scheduler should not depend on its checkout.
    const body = readFileSync(sourceTreePath("scheduler", "dashboard", file));
    const url = file === "index.html" ? "/dashboard/" : `/dashboard/${file}`;
    app.get(url, { schema: { hide: true } }, async (_request, reply) => reply.type(type).send(body));
  }
  app.get("/dashboard", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/dashboard/"));
  app.get("/", { schema: { hide: true } }, async (_request, reply) => reply.redirect("/dashboard/"));
}
