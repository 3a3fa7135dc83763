/**
 * Layers of scheduler/ that imports may only go down (docs/service.md): the engine (pure) <- queue <- service
 * core <- the fleet read model and text tables <- edges (gRPC, HTTP, FinOps, metrics, dashboard, simulator,
 * security, HA) <- commands (cli/) and composition roots.
 * `npm run check` runs it, so `npm test` fails on an upward import.
 */
/** The service's own adapters: gRPC handlers, HTTP wiring, read model, wire formats, the server itself. */
const serviceEdgeFiles =
  "(GrpcServices|HttpEndpoint|JobWire|QueueControl|SchedulerFleetView|SchedulerJobCommands|SchedulerServer)";
const serviceEdges = `^scheduler/service/${serviceEdgeFiles}[.]ts$`;
/** Everything else in service/ is its core (lifecycle, registry, agent channel and intake, placement, mirror). */
const serviceCore = `^scheduler/service/(?!${serviceEdgeFiles}[.]ts$)`;
const edges = "^scheduler/(http|cli|finops|metrics|dashboard|simulator|security|ha)/";

module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment: "The placement engine imports nothing of the scheduler above it.",
      severity: "error",
      from: { path: "^scheduler/engine/" },
      to: { path: "^scheduler/(?!engine/)" },
    },
    {
      name: "queue-below-service",
      comment: "The queue sits on the engine and the store, below the service and its edges.",
      severity: "error",
      from: { path: "^scheduler/queue/" },
      to: { path: [`^scheduler/service/`, edges] },
    },
    {
      name: "store-below-service",
      severity: "error",
      from: { path: "^scheduler/store/" },
      to: { path: "^scheduler/(?!store/)" },
    },
    {
      name: "service-core-below-edges",
      comment: "The service core (lifecycle, registry, agent channel, placement, mirror) knows no edge.",
      severity: "error",
      from: { path: serviceCore, pathNot: "[.]test[.]ts$" },
      to: { path: [edges, serviceEdges] },
    },
    {
      name: "shared-views-below-edges",
      comment: "The fleet read model and text formats serve every edge, so they import none.",
      severity: "error",
      from: { path: "^scheduler/(readmodel|format)/" },
      to: { path: [edges, serviceEdges] },
    },
    {
      name: "commands-only-in-cli",
      comment: "Command-line commands live in cli/ (and the composition roots); no other edge imports cli/.",
      severity: "error",
      from: { path: "^scheduler/(?!cli/)", pathNot: "[.]test[.]ts$" },
      to: { path: "^scheduler/cli/" },
    },
    {
      name: "agent-without-plugins",
      comment:
        "The node agent depends on interfaces; only its composition root (bin/AgentCommand.ts) wires plugins in.",
      severity: "error",
      from: { path: "^node-agent/" },
      to: { path: "^plugins/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|proto/generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
