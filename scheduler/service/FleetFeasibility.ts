import { PlacementEngine } from "../engine/PlacementEngine.ts";
import type { ScorePlugin } from "../engine/ScorePlugin.ts";
import { engineRequest } from "../queue/JobEngineRequest.ts";
import type { JobRecord } from "../store/JobRecord.ts";
import { nodeSpec } from "./EngineBridge.ts";
import type { NodeRecord } from "./NodeRecord.ts";
import { ServiceError } from "./ServiceError.ts";

/** Refuses at submit a request that no node of the fleet could hold even if it were empty. */
export class FleetFeasibility {
  /** The fleet with nothing allocated; rebuilt after a node registers. */
  private emptyFleet: PlacementEngine | undefined;

  constructor(
    private readonly policy: () => ScorePlugin,
    /** Before this time (one lease after a restart) the fleet is not known yet and nothing is refused. */
    private readonly knownAfterMs: number,
  ) {}

  /** A node registered: the fleet may have changed. */
  fleetChanged(): void {
    this.emptyFleet = undefined;
  }

  check(job: JobRecord, fleet: readonly NodeRecord[], nowMs: number): void {
    const nodes = fleet.filter((n) => n.gpus.length > 0);
    // Until every node has registered (after a restart, within one lease), the fleet is not known yet.
    if (nodes.length === 0 || nodes.length < fleet.length || nowMs < this.knownAfterMs) return;
    this.emptyFleet ??= new PlacementEngine(
      {
        nodes: nodes.map((n) =>
          // Container runtimes are left out: a container job waits for a node that has one, rather than fail.
          nodeSpec(n.name, n.labels, n.cpuMillis, n.memoryMiB, n.gpus, [], [], {
            vmRuntimes: n.capabilities?.vmRuntimes,
          }),
        ),
      },
      { policy: this.policy() },
    );
    const req = engineRequest(job);
    const result = req.gang ? this.emptyFleet.placeGang(req.request) : this.emptyFleet.place(req.request);
    if (!result.ok) {
      // A gang may fit only across models: say so, and how to allow it.
      const acrossModels =
        req.gang &&
        !req.request.mixedModels &&
        this.emptyFleet.placeGang({ ...req.request, mixedModels: true }).ok;
      throw ServiceError.exhausted(
        `no node of the fleet could ever hold this request, even empty: ${result.unschedulable.message} ` +
          (acrossModels
            ? "A gang's members share one GPU model, and no model has enough nodes: ask for fewer nodes, or let " +
              "members run on different models (--mixed-models)."
            : "Ask for less, or for a GPU model the fleet has (see `tessera nodes`)."),
      );
    }
  }
}
