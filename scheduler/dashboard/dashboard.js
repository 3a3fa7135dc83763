// The fleet dashboard: plain DOM and SVG over the scheduler's JSON API, refreshed by polling.
const SVG = "http://www.w3.org/2000/svg";
const params = new URLSearchParams(location.search);
const intervalMs = Math.max(500, Number(params.get("interval") ?? 2000));
const api = new URL("../", location.href);

/** Builds an element; children are nodes or strings (always text, never HTML). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

async function getJson(path) {
  const response = await fetch(new URL(path, api));
  const body = await response.json();
  if (!response.ok) throw new Error(`${path}: ${body.message ?? response.status}`);
  return body;
}

/** A stable colour per tenant, so the same team keeps its colour across refreshes and pages. */
function tenantColour(tenant) {
  let hash = 0;
  for (const ch of tenant) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 65% 55%)`;
}

const pct = (x) => `${Math.round(x * 100)}%`;

function span(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 90) return `${s}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}

const ago = (at) => span(Date.now() - at);

/** Scheduled jobs hold their slices already; the dashboard counts them with the running ones. */
const holdsSlices = (j) => j.state === "Scheduled" || j.state === "Running";

/** `memoryMiB=8192 computePercent=50` (a share, as the API words it) -> `50% of a GPU, 8 GiB`. */
function requestText(request) {
  const share = /memoryMiB=(\d+) computePercent=(\d+)/.exec(request);
  if (!share) return request;
  const mib = Number(share[1]);
  const memory = mib >= 1024 ? `${+(mib / 1024).toFixed(1)} GiB` : `${mib} MiB`;
  return request.replace(share[0], `${share[2]}% of a GPU, ${memory}`);
}

/** A link to a job's view (`#job=ID`). */
const jobLink = (id, text) =>
  el("a", { href: `#job=${encodeURIComponent(id)}`, "data-testid": `job-link-${id}` }, text);

function renderSummary(capacity, jobs, idle) {
  const items = [
    ["GPUs", capacity.gpus],
    ["allocated", pct(capacity.allocationRatio)],
    ["fragmentation", pct(capacity.fragmentation)],
    ["running", jobs.filter(holdsSlices).length],
    ["pending", jobs.filter((j) => j.state === "Pending").length],
    ["idle", idle.length],
  ];
  document
    .getElementById("summary")
    .replaceChildren(
      ...items.map(([k, v]) =>
        el("div", {}, el("dt", {}, k), el("dd", { "data-testid": `summary-${k}` }, String(v))),
      ),
    );
}

/** A GPU's sharing mode; a time-sliced share says plainly that its memory is not isolated. */
function sharingText(gpu) {
  if (gpu.shareIsolation === "time-sliced") return "shared, time-sliced: GPU memory not isolated";
  if (gpu.shareIsolation === "mps") return "shared, MPS limits";
  if (gpu.slices.some((s) => s.shares)) return "mig, an instance shared (MPS)";
  return gpu.sharingMode;
}

/** What a slice is: its profile (an MPS share of a MIG instance says so), else its kind. */
const sliceText = (slice) =>
  slice.kind === "shared" && slice.profile ? `${slice.profile} MPS share` : (slice.profile ?? slice.kind);

/** Who holds a slice, as far as this user may know. */
function holderText(slice, jobsById) {
  const job = slice.jobId ? jobsById.get(slice.jobId) : undefined;
  return job ? `${job.name} (${job.tenant})` : slice.otherTenant ? "other tenant" : "free";
}

/** One slice as a block `w` wide at `x`: filled by tenant, with a utilization band. */
function sliceBlock(gpu, slice, x, w, jobsById, samples, idleSlices) {
  const job = slice.jobId ? jobsById.get(slice.jobId) : undefined;
  const sample = samples.get(`${gpu.uuid}/${slice.migUuid ?? ""}`) ?? samples.get(`${gpu.uuid}/`);
  const busy =
    sample?.utilizationPercent != null
      ? sample.utilizationPercent / 100
      : sample
        ? sample.memoryUsedMiB / Math.max(1, sample.memoryTotalMiB)
        : 0;
  // A nested <svg> per slice clips its label to the slice.
  const group = svg("svg", {
    x,
    y: 0,
    width: Math.max(0, w),
    height: 26,
    "data-testid": `slice-${slice.id}`,
    "data-job": slice.jobId ?? "",
  });
  // Another tenant's slice is shown as taken, by nobody this user may know.
  const fill = job ? tenantColour(job.tenant) : slice.otherTenant ? "#9aa3ad" : "#fff";
  const inner = Math.max(0, w - 2);
  group.append(svg("rect", { x: 1, y: 1, width: inner, height: 24, fill, stroke: "#9aa3ad", rx: 2 }));
  if (job)
    group.append(
      svg("rect", { x: 1, y: 25 - 24 * busy, width: inner, height: 24 * busy, fill: "rgb(0 0 0 / 28%)" }),
    );
  if (idleSlices.has(slice.id)) {
    group.append(
      svg("rect", {
        x: 2,
        y: 2,
        width: Math.max(0, w - 4),
        height: 22,
        fill: "none",
        stroke: "#d32f2f",
        "stroke-width": 2,
        "stroke-dasharray": "4 2",
      }),
    );
  }
  const label = [sliceText(slice), holderText(slice, jobsById)].join(" · ");
  const taken = job || slice.otherTenant;
  group.append(svg("text", { x: 6, y: 17, "font-size": 11, fill: taken ? "#fff" : "#5b6570" }, label));
  const util = sample?.utilizationPercent != null ? `${sample.utilizationPercent}% util` : "no util (MIG)";
  group.append(
    svg(
      "title",
      {},
      `${label}\n${sample ? `${util}, ${Math.round(sample.memoryUsedMiB)} MiB used` : "no reading"}`,
    ),
  );
  if (job) {
    // Every job the fleet shows opens its view.
    group.setAttribute("class", "held");
    group.addEventListener("click", () => {
      location.hash = `job=${encodeURIComponent(job.id)}`;
    });
  }
  return group;
}

/**
 * A MIG instance shared by MPS: the instance named as such with its share jobs, each share a block as wide as its
 * part, the room left blank.
 */
function sharedInstance(gpu, instance, x, w, jobsById, samples, idleSlices) {
  const label = `${instance.profile} shared (MPS): ${instance.shares.map((s) => holderText(s, jobsById)).join(", ")}`;
  const group = svg("svg", {
    x,
    y: 0,
    width: Math.max(0, w),
    height: 26,
    "data-testid": `slice-${instance.id}`,
    "data-mps": "true",
  });
  group.append(
    svg("rect", {
      x: 1,
      y: 1,
      width: Math.max(0, w - 2),
      height: 24,
      fill: "#fff",
      stroke: "#9aa3ad",
      rx: 2,
    }),
    svg("title", {}, label),
  );
  let at = 0;
  for (const share of instance.shares) {
    const part = (share.share / instance.share) * w;
    group.append(sliceBlock(gpu, share, at, part, jobsById, samples, idleSlices));
    at += part;
  }
  return group;
}

/** One GPU as a bar: each slice a block as wide as its share, filled by tenant, with a utilization band. */
function gpuBar(gpu, jobsById, samples, idleSlices) {
  const width = 700;
  const bar = svg("svg", { viewBox: `0 0 ${width} 26`, preserveAspectRatio: "none" });
  bar.append(svg("rect", { x: 0, y: 0, width, height: 26, fill: "#eef0f2", rx: 3 }));
  let x = 0;
  const slices = [...gpu.slices].sort((a, b) => (a.placementStart ?? 0) - (b.placementStart ?? 0));
  for (const slice of slices) {
    const w = slice.share * width;
    const draw = slice.shares ? sharedInstance : sliceBlock;
    bar.append(draw(gpu, slice, x, w, jobsById, samples, idleSlices));
    x += w;
  }
  return bar;
}

function renderFleet(nodes, jobsById, samples, idle) {
  const idleSlices = new Set(idle.map((i) => i.sliceId));
  const tenants = new Set();
  const fleet = document.getElementById("fleet");
  fleet.replaceChildren(
    ...nodes.map((node) =>
      el(
        "div",
        { class: "node", "data-testid": `node-${node.name}` },
        el("span", { class: "node-name" }, node.name),
        el("span", { class: `node-state ${node.state}` }, node.state),
        ...node.gpus.map((gpu) => {
          for (const slice of gpu.slices.flatMap((s) => s.shares ?? [s])) {
            const job = slice.jobId ? jobsById.get(slice.jobId) : undefined;
            if (job) tenants.add(job.tenant);
          }
          const sample = samples.get(`${gpu.uuid}/`);
          const reading = sample
            ? ` · ${sample.utilizationPercent ?? "–"}% · ${sample.temperatureC ?? "–"}°C`
            : "";
          const health = gpu.healthy ? "" : ` · unhealthy: ${gpu.unhealthyReason ?? "unknown"}`;
          return el(
            "div",
            { class: gpu.healthy ? "gpu" : "gpu unhealthy", "data-testid": `gpu-${gpu.uuid}` },
            el(
              "span",
              { class: "gpu-label", title: gpu.uuid },
              `#${gpu.index} ${gpu.modelId} (${sharingText(gpu)})${reading}${health}`,
            ),
            gpuBar(gpu, jobsById, samples, idleSlices),
          );
        }),
      ),
    ),
  );
  document
    .getElementById("legend")
    .replaceChildren(
      ...[...tenants]
        .sort()
        .map((t) => el("span", {}, el("i", { style: `background:${tenantColour(t)}` }), t)),
      el("span", {}, el("i", { style: "border:2px dashed #d32f2f" }), "idle"),
    );
}

function rows(tbodyId, items, columns, empty) {
  const body = document.getElementById(tbodyId);
  if (items.length === 0) {
    body.replaceChildren(el("tr", {}, el("td", { class: "empty", colspan: columns.length }, empty)));
    return;
  }
  body.replaceChildren(
    ...items.map((item) =>
      el(
        "tr",
        { "data-testid": `${tbodyId}-${item.id ?? item.jobId}` },
        ...columns.map((c) => {
          const value = c(item);
          return el("td", {}, value instanceof Node ? value : String(value));
        }),
      ),
    ),
  );
}

/** Draws series of `[t, value 0..1]` points on a shared time axis; `colour` per series, dots on every point. */
function lineChart(id, series, empty) {
  const chart = document.getElementById(id);
  const [w, h, left, bottom] = [720, 180, 30, 20];
  chart.replaceChildren();
  chart.append(svg("line", { x1: left, y1: h - bottom, x2: w - 130, y2: h - bottom, stroke: "#ccd2d8" }));
  chart.append(svg("text", { x: 0, y: 12 }, "100%"), svg("text", { x: 8, y: h - bottom }, "0"));
  const times = series.flatMap((s) => s.points.map(([t]) => t));
  if (times.length === 0) {
    chart.append(svg("text", { x: left + 10, y: h / 2 }, empty));
    return;
  }
  const t0 = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - t0);
  const when = (t) =>
    new Date(t).toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  // The plot leaves the right edge to the legend; the time range sits under the axis.
  const plotRight = w - 130;
  chart.append(
    svg("text", { x: plotRight, y: h - 4, "text-anchor": "end" }, `${when(t0)} – ${when(t0 + span)}`),
  );
  series.forEach(({ name, colour, points }, i) => {
    const xy = points.map(([t, v]) => [
      left + ((t - t0) / span) * (plotRight - left),
      h - bottom - v * (h - bottom - 10),
    ]);
    const d = xy.map(([x, y], j) => `${j === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
    chart.append(
      svg("path", { d, fill: "none", stroke: colour, "stroke-width": 2, "data-testid": `${id}-${i}` }),
    );
    // Dots too, so a history of one point is still visible.
    for (const [cx, cy] of xy)
      chart.append(svg("circle", { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 2, fill: colour }));
    chart.append(svg("rect", { x: plotRight + 12, y: 8 + i * 16, width: 10, height: 10, fill: colour }));
    chart.append(svg("text", { x: plotRight + 26, y: 17 + i * 16, fill: colour }, name));
  });
}

function renderTrend(points) {
  const maxIdle = Math.max(1, ...points.map((p) => p.idleAllocations));
  lineChart(
    "trend",
    [
      { name: "allocation", colour: "#1976d2", points: points.map((p) => [p.t, p.allocationRatio]) },
      { name: "fragmentation", colour: "#f57c00", points: points.map((p) => [p.t, p.fragmentation]) },
      {
        name: `idle (max ${maxIdle})`,
        colour: "#d32f2f",
        points: points.map((p) => [p.t, p.idleAllocations / maxIdle]),
      },
    ],
    "no history yet",
  );
}

const palette = ["#1976d2", "#388e3c", "#7b1fa2", "#f57c00", "#00838f", "#c2185b"];

function renderUtilization(result) {
  lineChart(
    "utilization",
    result.series.map((s, i) => ({
      name: s.labels.model,
      colour: palette[i % palette.length],
      points: s.points
        .filter((p) => p.utilizationPercent !== null)
        .map((p) => [p.t, p.utilizationPercent / 100]),
    })),
    "no readings yet",
  );
}

function renderUsage(report) {
  const money = (v) => (v === null ? "no price" : `${v.toFixed(2)} ${report.currency}`);
  rows(
    "usage",
    report.tenants.map((t) => ({ ...t, id: t.tenant })),
    [
      (t) => t.tenant,
      (t) => t.gpuHours.toFixed(2),
      (t) => t.idleGpuHours.toFixed(2),
      (t) => (t.gpuHours > 0 ? `${Math.round((t.idleGpuHours / t.gpuHours) * 100)}%` : "-"),
      (t) => money(t.cost),
      (t) => money(t.idleCost),
    ],
    "no allocations in this period",
  );
}

/** History period from the selector (kept in the URL), and a step that gives a few hundred points. */
const ranges = { "6h": "2m", "24h": "10m", "7d": "1h", "30d": "6h" };
const rangeSelect = document.getElementById("range");
rangeSelect.value = ranges[params.get("range")] ? params.get("range") : "6h";
rangeSelect.addEventListener("change", () => {
  params.set("range", rangeSelect.value);
  history.replaceState(null, "", `?${params}`);
});

/** The job view (`#job=ID`): facts, where it runs, and its log, followed while it runs. */
let openLog;
async function showJob(nodes) {
  const section = document.getElementById("job-section");
  const id = new URLSearchParams(location.hash.slice(1)).get("job");
  if (!id) {
    section.hidden = true;
    openLog?.abort();
    openLog = undefined;
    return;
  }
  section.hidden = false;
  let job;
  try {
    job = await getJson(`v1/jobs/${encodeURIComponent(id)}`);
  } catch (error) {
    document.getElementById("job-title").textContent = error.message;
    return;
  }
  document.getElementById("job-title").textContent = `${job.name} (${job.id})`;
  const when = (t) => (t === undefined ? "–" : `${new Date(t).toLocaleString()} (${ago(t)} ago)`);
  const facts = [
    ["state", job.state],
    ["tenant / queue", `${job.tenant} / ${job.queue}`],
    ["request", requestText(job.request)],
    ["submitted", when(job.submittedAt)],
    ["started", when(job.startedAt)],
    ["finished", when(job.finishedAt)],
    ["why", job.reason ?? ""],
    ...(job.failedMember ? [["failed member", job.failedMember]] : []),
  ];
  document
    .getElementById("job-facts")
    .replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  const held = nodes.flatMap((node) =>
    node.gpus.flatMap((gpu) =>
      gpu.slices
        .flatMap((slice) => slice.shares ?? [slice])
        .filter((slice) => slice.jobId === job.id)
        .map((slice) => ({
          id: slice.id,
          node: node.name,
          gpu: `#${gpu.index} ${gpu.modelId}`,
          slice: slice.profile ? sliceText(slice) : slice.kind === "shared" ? sharingText(gpu) : slice.kind,
        })),
    ),
  );
  rows("job-allocations", held, [(a) => a.node, (a) => a.gpu, (a) => a.slice], "holds no GPU now");
  const members = job.members ?? [];
  document.getElementById("job-members-part").hidden = members.length === 0;
  rows(
    "job-members",
    members.map((m) => ({ ...m, id: `rank-${m.rank}` })),
    [
      (m) => m.rank,
      (m) => m.node,
      (m) => m.gpus.map((g) => `#${g.index} ${g.modelId} ${g.profile ?? g.kind}`).join(", ") || "–",
      (m) => (m.detail ? `${m.state} (${m.detail})` : m.state),
      (m) => m.logPath ?? "–",
    ],
    "no members placed",
  );
  rows(
    "job-transitions",
    (job.transitions ?? []).map((t, i) => ({ ...t, id: `step-${i}` })),
    [(t) => new Date(t.at).toLocaleString(), (t) => t.from || "–", (t) => t.to, (t) => t.reason],
    "no transitions",
  );
  if (openLog?.jobId !== job.id) streamLog(job.id);
}

/** Streams GET /v1/jobs/{id}/logs?follow=true into the log pane until it ends or another job is opened. */
async function streamLog(id) {
  openLog?.abort();
  const controller = new AbortController();
  controller.jobId = id;
  openLog = controller;
  const pane = document.getElementById("job-log");
  pane.textContent = "";
  try {
    const response = await fetch(new URL(`v1/jobs/${encodeURIComponent(id)}/logs?follow=true`, api), {
      signal: controller.signal,
    });
    if (!response.ok) {
      pane.textContent = `(no log: ${(await response.json()).message})`;
      return;
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pane.append(value);
      pane.scrollTop = pane.scrollHeight;
    }
  } catch (error) {
    if (!controller.signal.aborted) pane.append(`\n(log stopped: ${error.message})`);
  }
}

async function refresh() {
  const status = document.getElementById("status");
  try {
    const [{ nodes }, { jobs }, capacity] = await Promise.all([
      getJson("v1/nodes"),
      getJson("v1/jobs"),
      getJson("v1/capacity"),
    ]);
    // History, samples and idle need the FinOps store; the fleet view works without them.
    const optional = (path, fallback) => getJson(path).catch(() => fallback);
    const range = rangeSelect.value;
    const period = `from=now-${range}&step=${ranges[range]}`;
    const [{ samples }, { idle }, { points }, utilization, usage] = await Promise.all([
      optional("v1/utilization/latest", { samples: [] }),
      optional("v1/idle", { idle: [] }),
      optional(`v1/fleet/history?${period}`, { points: [] }),
      optional(`v1/utilization?${period}&groupBy=model`, { series: [] }),
      optional(`v1/reports/usage?from=now-${range}`, { tenants: [], currency: "" }),
    ]);
    const jobsById = new Map(jobs.map((j) => [j.id, j]));
    const byDevice = new Map(samples.map((s) => [`${s.gpuUuid}/${s.migUuid ?? ""}`, s]));
    latestNodes = nodes;
    await showJob(nodes);
    renderSummary(capacity, jobs, idle);
    renderFleet(nodes, jobsById, byDevice, idle);
    rows(
      "queue",
      jobs.filter((j) => j.state === "Pending"),
      [
        (j) => jobLink(j.id, j.name),
        (j) => j.tenant,
        (j) => j.queue,
        (j) => requestText(j.request),
        (j) => ago(j.submittedAt),
        (j) => j.reason ?? "",
      ],
      "nothing waiting",
    );
    rows(
      "running",
      jobs.filter(holdsSlices),
      [
        (j) => jobLink(j.id, j.name),
        (j) => j.tenant,
        (j) => j.queue,
        (j) => requestText(j.request),
        (j) => ago(j.startedAt ?? j.submittedAt),
      ],
      "nothing running",
    );
    rows(
      "idle",
      idle,
      [
        (i) => jobLink(i.jobId, i.jobId),
        (i) => i.tenant,
        (i) => i.queue,
        (i) => `${i.node} ${i.profile || "GPU"} ${i.gpuUuid}`,
        (i) => `${new Date(i.since).toLocaleTimeString()} (${ago(i.since)})`,
        (i) =>
          i.reclaimAt === null ? "never (queue has no policy)" : `in ${span(i.reclaimAt - Date.now())}`,
      ],
      "no idle allocations",
    );
    renderTrend(points);
    renderUtilization(utilization);
    renderUsage(usage);
    status.className = "";
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.className = "error";
    status.textContent = `cannot reach the scheduler: ${error.message}`;
  } finally {
    setTimeout(refresh, intervalMs);
  }
}

let latestNodes = [];
window.addEventListener("hashchange", () => showJob(latestNodes));
refresh();
