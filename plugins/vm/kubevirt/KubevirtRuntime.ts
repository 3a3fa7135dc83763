import type { VmJobSpec } from "../VmJobSpec.ts";
import type { RunningVm, VmRuntime, VmRuntimeInfo } from "../VmRuntime.ts";
import { type KubevirtOptions, kubevirtVmiManifest } from "./KubevirtVmiManifest.ts";

/**
 * Renders the VirtualMachineInstance of a job for clusters where KubeVirt runs the VMs; the agent does not talk
 * to the Kubernetes API, so it shows the manifest (`tessera vm render --vm-runtime kubevirt`) to apply.
 */
export class KubevirtRuntime implements VmRuntime {
  readonly name = "kubevirt";

  constructor(private readonly options: KubevirtOptions) {}

  async probe(): Promise<VmRuntimeInfo> {
    return {
      runtime: this.name,
      runnable: false,
      detail:
        "renders KubeVirt VirtualMachineInstance manifests only (`tessera vm render --vm-runtime kubevirt`)",
    };
  }

  render(spec: VmJobSpec): string {
    return kubevirtVmiManifest(spec, this.options);
  }

  async start(): Promise<RunningVm> {
    throw new Error((await this.probe()).detail);
  }
}
