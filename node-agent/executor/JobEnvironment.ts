import { type MpsShare, mpsClientEnvironment } from "../mps/MpsClientEnvironment.ts";

/** A device a job gets, resolved by the agent: a MIG device or GPU UUID, plus share limits for shared GPUs. */
export interface ResolvedDevice {
  /** `MIG-...` for a MIG instance, `GPU-...` for a whole or shared GPU. */
  uuid: string;
  /** Set for a share; `mpsPipeDirectory` when an MPS control daemon serves the GPU (else it is time-sliced). */
  share?: MpsShare;
}

/**
 * The environment of a job process: the agent's PATH, the job's own variables, then the variables Tessera owns
 * (set last so a job cannot override which devices it sees).
 */
export function jobEnvironment(
  jobId: string,
  devices: readonly ResolvedDevice[],
  jobEnv: Readonly<Record<string, string>>,
  agentPath: string,
): Record<string, string> {
  const visible = devices.map((d) => d.uuid).join(",");
  const env: Record<string, string> = { PATH: agentPath, ...jobEnv };
  env.TESSERA_JOB_ID = jobId;
  env.CUDA_VISIBLE_DEVICES = visible;
  env.NVIDIA_VISIBLE_DEVICES = visible;
  const share = devices.length === 1 ? devices[0]?.share : undefined;
  if (share) Object.assign(env, mpsClientEnvironment(share));
  return env;
}
