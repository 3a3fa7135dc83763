import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface Panel {
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  readFileSync(new URL("../../deploy/grafana/tessera-fleet.json", import.meta.url), "utf8"),
) as { panels: Panel[]; templating: { list: { name: string; definition?: string }[] } };

/** metric name -> label names, from the golden list the metrics test holds the code to. */
const golden = new Map(
  readFileSync(new URL("./TesseraMetrics.golden.txt", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => {
      const [name, , labels] = l.split(" ");
      return [name as string, new Set(labels === "-" ? [] : (labels ?? "").split(","))];
    }),
);

const baseName = (name: string) => name.replace(/_(bucket|sum|count)$/, "");

describe("Grafana dashboard", () => {
  const queries = [
    ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: p.title, expr: t.expr }))),
    ...dashboard.templating.list.flatMap((v) =>
      v.definition ? [{ where: `$${v.name}`, expr: v.definition }] : [],
    ),
  ];

  it("queries only metrics and labels that the scheduler exposes", () => {
    expect(queries.length).toBeGreaterThan(15);
    for (const { where, expr } of queries) {
      const metrics = [...expr.matchAll(/\btessera_[a-z_]+/g)].map((m) => baseName(m[0]));
      expect(metrics.length, `${where}: ${expr}`).toBeGreaterThan(0);
      for (const metric of metrics) {
        const labels = golden.get(metric);
        expect(labels, `${where}: unknown metric ${metric}`).toBeDefined();
        const selector = new RegExp(`${metric}(?:_bucket|_sum|_count)?\\{([^}]*)\\}`).exec(expr)?.[1] ?? "";
        for (const [, label] of selector.matchAll(/(\w+)\s*(?:=~|!=|=)/g)) {
          expect(labels?.has(label as string), `${where}: ${metric} has no label ${label}`).toBe(true);
        }
      }
      for (const [, grouping] of expr.matchAll(/by \(([^)]*)\)/g)) {
        for (const label of (grouping ?? "").split(",").map((l) => l.trim())) {
          if (label === "le") continue;
          const known = metrics.some((m) => golden.get(m)?.has(label));
          expect(known, `${where}: no metric in "${expr}" has label ${label}`).toBe(true);
        }
      }
    }
  });

  it("covers every metric in the golden list", () => {
    const used = new Set(
      queries.flatMap(({ expr }) => [...expr.matchAll(/\btessera_[a-z_]+/g)].map((m) => baseName(m[0]))),
    );
    const unused = [...golden.keys()].filter((name) => !used.has(name));
    expect(unused).toEqual([]);
  });
});
