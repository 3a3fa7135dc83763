// A second process for the stand-in tests (not a test file itself):
//   build DIR   build the stand-in into DIR and print its path
//   churn N     with the fleet from the environment, create/destroy 1g instances N times, then keep 3
import { Nvml } from "../nvml/Nvml.ts";
import { NvmlError, NvmlReturn } from "../nvml/NvmlError.ts";
import { ensureStandinLibrary } from "./StandinBuild.ts";

const [mode, arg] = process.argv.slice(2);
if (mode === "build") {
  console.log(ensureStandinLibrary(arg));
} else if (mode === "churn") {
  const nvml = Nvml.open();
  const gpu = nvml.deviceByIndex(0);
  const create = () => {
    const gi = nvml.createGpuInstance(gpu, 19);
    nvml.createComputeInstance(gi, 0);
    return gi;
  };
  for (let i = 0; i < Number(arg); i++) {
    try {
      const gi = create();
      for (const ci of nvml.computeInstances(gi, 0, 1)) nvml.destroyComputeInstance(ci);
      nvml.destroyGpuInstance(gi);
    } catch (error) {
      // The other process may hold every free slot for a moment; anything else is a bug.
      if (!NvmlError.isCode(error, NvmlReturn.ERROR_INSUFFICIENT_RESOURCES)) throw error;
    }
  }
  for (let kept = 0; kept < 3; ) {
    try {
      create();
      kept++;
    } catch (error) {
      if (!NvmlError.isCode(error, NvmlReturn.ERROR_INSUFFICIENT_RESOURCES)) throw error;
    }
  }
  nvml.close();
  console.log("ok");
} else {
  throw new Error(`unknown mode ${mode}`);
}
