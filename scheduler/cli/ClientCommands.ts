import { randomUUID } from "node:crypto";
import type { ServiceError } from "@grpc/grpc-js";
import type { Command } from "commander";
import { isCatalogMigProfile, unknownMigProfileText } from "../../proto/catalog/UnknownMigProfile.ts";
import type { Job__Output } from "../../proto/generated/tessera/v1/Job.ts";
import { table } from "../format/TextTable.ts";
import { type ClientFlags, connect, withClientFlags } from "./ClientConnection.ts";
import { jobDetail, jobJson, jobsTable, nodeJson, nodesTable, requestText } from "./JobFormat.ts";
import { jobSpecFromInput, type SubmitFlags } from "./JobSpecInput.ts";
import { schedulerAddress } from "./SchedulerAddress.ts";
import type { SchedulerClient } from "./SchedulerClient.ts";
import { schedulerErrorText } from "./SchedulerErrorText.ts";

const finalStates = new Set(["Succeeded", "Failed", "Cancelled", "Preempted", "Lost"]);

/** Runs a client action, printing gRPC and input errors as one line and exiting non-zero. */
export function action<A extends unknown[]>(
  body: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await body(...args);
    } catch (err) {
      // Commander passes the command last; its --scheduler names the address the error is about.
      const command = args.at(-1) as Command;
      const text = schedulerErrorText(
        err as Partial<ServiceError> & Error,
        schedulerAddress(command.opts().scheduler),
      );
      process.stderr.write(`error: ${text}\n`);
      process.exitCode = 1;
    }
  };
}

export function print(value: unknown, json: boolean | undefined, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

/** `tessera submit|jobs|job|cancel|logs|nodes|watch|capacity`: the commands an engineer uses. */
export function registerClientCommands(program: Command): void {
  withClientFlags(
    program
      .command("submit")
      .description("queue a job; prints its id")
      .argument("[command...]", "the program and its arguments, after --")
      .option(
        "-f, --file <job.yaml>",
        "job file (name, tenant, priority, kind, request, command, env); flags override it",
      )
      .option("--name <NAME>", "job name")
      .option("--tenant <TENANT>", "tenant (default: default)")
      .option("--queue <QUEUE>", "queue within the tenant (default: default)")
      .option("--priority <N>", "priority, -1000..1000 (higher first)")
      .option(
        "--priority-class <NAME>",
        "a priority class of the scheduler's queue config (see `tessera quota`)",
      )
      .option("--preemptible", "may be stopped for higher-priority work of its queue")
      .option("--requeue", "when preempted, go back to the queue instead of ending as Preempted")
      .option(
        "--max-runtime <DURATION>",
        "declared upper bound on run time, e.g. 2h; lets it backfill around gangs",
      )
      .option("--kind <KIND>", "training, inference, batch or vm")
      .option(
        "--vm",
        "run the command inside a VM (kind vm): a MicroVM, or with --gpus N a VM with N GPUs passed through",
      )
      .option("--vcpus <N>", "with --vm: virtual CPUs (default 1)")
      .option(
        "--image <REF>",
        "OCI image the command runs in, as a container (e.g. docker.io/library/python:3.12); with --vm: a root filesystem archive (cpio)",
      )
      .option(
        "--mount <SRC:DST...>",
        "with --image: bind-mount a host path of the node into the container (SRC:DST, or SRC:DST:ro read-only)",
      )
      .option("--mig <PROFILE>", "one MIG instance of this profile, e.g. 3g.40gb")
      .option("--gpus <N>", "N whole GPUs on one node (with --nodes: per node)")
      .option("--nodes <M>", "a gang of M nodes x --gpus GPUs, all or nothing, on one GPU model")
      .option("--mixed-models", "let a gang's members run on different GPU models (of --model, if given)")
      .option("--nvlink", "the whole GPUs must be NVLink peers")
      .option("--share <FRACTION>", "a share of one GPU, e.g. 0.25 (with --gpu-memory)")
      .option("--gpu-memory <SIZE>", "GPU memory of a share or slice, e.g. 12GiB")
      .option("--compute-sevenths <N>", "a model-agnostic MIG slice of N/7 compute (with --gpu-memory)")
      .option("--model <ID...>", "allowed GPU models, e.g. H100-SXM5-80GB")
      .option("--cpu <CORES>", "host CPU, e.g. 4 or 500m")
      .option("--memory <SIZE>", "host memory, e.g. 16GiB")
      .option("--env <NAME=VALUE...>", "environment for the command")
      .option("--workdir <DIR>", "working directory on the node")
      .option("--request-id <ID>", "idempotency key (default: a new UUID)")
      .option("--json", "print the job as JSON"),
  ).action(
    action(
      async (
        command: string[],
        flags: SubmitFlags & ClientFlags & { requestId?: string; json?: boolean },
      ) => {
        const spec = jobSpecFromInput(flags, command);
        const client = await connect(flags);
        try {
          const profile = spec.request?.mig?.profile;
          if (profile !== undefined && !isCatalogMigProfile(profile)) {
            const models = (await client.nodes()).flatMap((n) => n.gpus.map((g) => g.model));
            throw new Error(unknownMigProfileText(profile, models));
          }
          const res = await client.submit(spec, flags.requestId ?? randomUUID());
          const job = res.job!;
          if (flags.json) print(jobJson(job), true, () => "");
          else process.stdout.write(`${job.id}\n`);
        } finally {
          client.close();
        }
      },
    ),
  );

  withClientFlags(
    program
      .command("jobs")
      .description("list jobs")
      .option("--state <STATE...>", "only these states (Pending, Running, ...)")
      .option("--tenant <TENANT>", "only this tenant")
      .option("--node <NODE>", "only jobs on this node")
      .option("--name <TEXT>", "only names containing TEXT")
      .option("--json", "print an array of jobs as JSON"),
  ).action(
    action(
      async (
        flags: ClientFlags & {
          state?: string[];
          tenant?: string;
          node?: string;
          name?: string;
          json?: boolean;
        },
      ) => {
        const client = await connect(flags);
        try {
          const jobs = await client.list({
            states: flags.state ?? [],
            tenant: flags.tenant ?? "",
            node: flags.node ?? "",
            nameContains: flags.name ?? "",
          });
          print(jobs.map(jobJson), flags.json, () => (jobs.length === 0 ? "no jobs" : jobsTable(jobs)));
        } finally {
          client.close();
        }
      },
    ),
  );

  withClientFlags(
    program
      .command("job")
      .description("show one job: state, reason, allocations, transitions")
      .argument("<ID>")
      .option("--json"),
  ).action(
    action(async (id: string, flags: ClientFlags & { json?: boolean }) => {
      const client = await connect(flags);
      try {
        const job = await client.get(id);
        print(jobJson(job), flags.json, () => jobDetail(job));
      } finally {
        client.close();
      }
    }),
  );

  withClientFlags(
    program
      .command("cancel")
      .description("cancel a job; a running one has its process group killed")
      .argument("<ID>")
      .option("--reason <TEXT>", "why, recorded with the job")
      .option("--json"),
  ).action(
    action(async (id: string, flags: ClientFlags & { reason?: string; json?: boolean }) => {
      const client = await connect(flags);
      try {
        const job = await client.cancel(id, flags.reason ?? "");
        print(jobJson(job), flags.json, () => `${job.id} ${job.state}: ${job.reason}`);
      } finally {
        client.close();
      }
    }),
  );

  withClientFlags(
    program
      .command("logs")
      .description(
        "print a job's output (stdout and stderr); -f follows it until the job ends. A gang's members each " +
          "line prefixed with its rank ([rank 0] ...), or one member's with --rank N",
      )
      .argument("<ID>")
      .option("-f, --follow", "keep printing new output until the job ends")
      .option("--rank <N>", "only this member of a gang (0 .. nodes-1), as it wrote it"),
  ).action(
    action(async (id: string, flags: ClientFlags & { follow?: boolean; rank?: string }) => {
      const rank = flags.rank === undefined ? undefined : rankNumber(flags.rank);
      const client = await connect(flags);
      try {
        await printLogs(id, flags.follow ?? false, rank, client);
      } finally {
        client.close();
      }
    }),
  );

  const nodes = program
    .command("nodes")
    .description("list nodes, their GPUs and MIG layouts")
    .option("--json");
  withClientFlags(nodes).action(
    action(async (flags: ClientFlags & { json?: boolean }) => {
      const client = await connect(flags);
      try {
        const nodes = await client.nodes();
        print(nodes.map(nodeJson), flags.json, () => (nodes.length === 0 ? "no nodes" : nodesTable(nodes)));
      } finally {
        client.close();
      }
    }),
  );
  withClientFlags(
    nodes
      .command("remove <NAME>")
      .description("forget a node whose agent is gone (admin; refused while it holds active jobs)"),
  ).action(
    action(async (name: string, flags: ClientFlags) => {
      const client = await connect(flags);
      try {
        await client.removeNode(name);
        process.stdout.write(`node ${name} removed\n`);
      } finally {
        client.close();
      }
    }),
  );

  withClientFlags(
    program
      .command("capacity")
      .description("free capacity per GPU model and MIG profile, and fragmentation")
      .option("--json"),
  ).action(
    action(async (flags: ClientFlags & { json?: boolean }) => {
      const client = await connect(flags);
      try {
        const c = await client.capacity();
        print(c, flags.json, () => {
          const rows = c.models.map((m) => [
            m.model,
            String(m.gpus),
            String(m.freeGpus),
            `${Math.round((m.allocatedMilli / Math.max(1, m.totalMilli)) * 100)}%`,
            m.profiles
              .filter((p) => p.freeInstances > 0 && !p.profile.includes("+"))
              .map((p) => `${p.profile}:${p.freeInstances}`)
              .join(" "),
          ]);
          return [
            `${c.readyNodes}/${c.nodes} nodes ready, ${c.gpus} GPUs, ${c.runningJobs} jobs placed, ${c.pendingJobs} pending, fragmentation ${c.fragmentationPercent}%`,
            table(["MODEL", "GPUS", "FREE", "ALLOCATED", "FREE MIG INSTANCES"], rows),
          ].join("\n");
        });
      } finally {
        client.close();
      }
    }),
  );

  withClientFlags(
    program
      .command("watch")
      .description("print job changes as they happen (Ctrl-C to stop)")
      .argument("[ID]", "only this job")
      .option("--json", "one JSON object per line"),
  ).action(
    action(async (id: string | undefined, flags: ClientFlags & { json?: boolean }) => {
      const client = await connect(flags);
      await new Promise<void>((resolve, reject) => {
        const stop = client.watch(
          { jobId: id ?? "", includeCurrent: true },
          (event) => {
            const job = event.job!;
            if (flags.json)
              process.stdout.write(`${JSON.stringify({ type: event.type, job: jobJson(job) })}\n`);
            else {
              const at = new Date(event.atUnixMs).toISOString().slice(11, 23);
              process.stdout.write(
                `${at}  ${job.id}  ${(job.spec?.name ?? "").padEnd(20)} ${job.state.padEnd(9)}  ${requestText(job.spec?.request)}  ${job.reason}\n`,
              );
            }
          },
          (err) => (err ? reject(err) : resolve()),
        );
        process.once("SIGINT", () => {
          stop();
          resolve();
        });
      }).finally(() => client.close());
    }),
  );
}

function rankNumber(text: string): number {
  const rank = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(rank))
    throw new Error(`--rank: expected a gang member's rank (0, 1, ...), got "${text}"`);
  return rank;
}

/** Prints a job's output as its nodes' agents serve it; with `follow`, waits for the job to start first. */
async function printLogs(
  id: string,
  follow: boolean,
  rank: number | undefined,
  client: SchedulerClient,
): Promise<void> {
  let job = await client.get(id);
  // A gang's members start one by one: follow once each has output (or the job is over).
  const started = (j: Job__Output) =>
    j.members.length > 0 ? j.members.every((m) => m.state !== "Scheduled") : j.logNode !== "";
  while (follow && !started(job) && !finalStates.has(job.state)) {
    await new Promise((r) => setTimeout(r, 500));
    job = await client.get(id);
  }
  await client.logs(id, follow, (data) => process.stdout.write(data), rank);
}
