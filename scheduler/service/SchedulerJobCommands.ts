import type { JobSpec__Output } from "../../proto/generated/tessera/v1/JobSpec.ts";
import { asGrpcMessage } from "../../proto/tessera/ProtoMessages.ts";
import type { JobCommands, SubmitJobBody } from "../http/HttpApi.ts";
import { validateJobSpec } from "./JobSpecValidation.ts";
import type { Scheduler } from "./Scheduler.ts";

/** The HTTP API's job commands over the scheduler: the same calls, checks and defaults as gRPC's JobService. */
export function schedulerJobCommands(scheduler: Scheduler): JobCommands {
  return {
    async submit(body: SubmitJobBody) {
      // The body becomes the JobSpec a gRPC submit carries, and goes through the same checks and defaults.
      const { clientRequestId, ...fields } = body;
      const spec = asGrpcMessage<JobSpec__Output>("JobSpec", fields);
      const { job, deduplicated } = await scheduler.submit(validateJobSpec(spec), clientRequestId ?? "");
      return { jobId: job.id, deduplicated };
    },
    async cancel(id: string, reason: string) {
      await scheduler.cancel(id, reason);
    },
  };
}
