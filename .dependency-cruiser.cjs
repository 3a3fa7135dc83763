/**
 * Layers of scheduler/ that imports may only go down (docs/service.md): the engine (pure) <- queue <- service
 * core <- edges (gRPC, HTTP, CLI, read models, FinOps, metrics, dashboard, simulator) <- composition roots.
 * `npm run check` runs it, so `npm test` fails on an upward import.
 */
const serviceCore =
  "^scheduler/service/(AgentChannel|ClusterMirror|EngineBridge|FleetFeasibility|JobLifecycle|JobReports|" +
  "JobSpecValidation|NodeRecord|NodeRegistry|PendingReason|PlacementCycle|PlacementLoop|Scheduler|SchedulerView|" +
  "ServiceError|TimerSource)[.]ts$";
const edges = "^scheduler/(http|cli|finops|metrics|dashboard|simulator)/";
/** The service's own adapters: gRPC handlers, HTTP wiring, read model, wire formats, the server itself. */
const serviceEdges =
  "^scheduler/service/(GrpcServices|HttpEndpoint|JobWire|QueueControl|SchedulerFleetView|SchedulerJobCommands|" +
  "SchedulerServer)[.]ts$";

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
      from: { path: serviceCore },
      to: { path: [edges, serviceEdges] },
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
