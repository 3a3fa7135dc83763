import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SchedulerClient } from "../scheduler/cli/SchedulerClient.ts";
import { eventually } from "./support/Eventually.ts";
import { type SchedulerProcess, startSchedulerProcess } from "./support/TesseraProcesses.ts";

const dir = mkdtempSync(join(tmpdir(), "tessera-burst-"));
const schedulers: SchedulerProcess[] = [];
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.process.kill()));
  rmSync(dir, { recursive: true, force: true });
});

const spec = (name: string) => ({ name, request: { mig: { profile: "1g.10gb" } }, command: ["true"] });

describe("kill -9 of the scheduler during a burst of concurrent submits (group commit)", () => {
  it("keeps every acknowledged job, with the id it was acknowledged with, and creates none twice", async () => {
    const first = await startSchedulerProcess(dir);
    schedulers.push(first);
    // Several connections with many submits in flight on each, so that commits hold batches of submits and the
    // kill lands while some batches are written and others wait for their fsync.
    const clients = Array.from({ length: 4 }, () => new SchedulerClient(first.address, undefined, 3000));
    const acked = new Map<string, string>();
    const attempted = new Set<string>();
    let n = 0;
    let stop = false;
    const submitter = async (client: SchedulerClient) => {
      while (!stop) {
        const rid = `burst-${n++}`;
        attempted.add(rid);
        try {
          acked.set(rid, (await client.submit(spec(rid), rid)).job!.id);
        } catch {
          return; // the scheduler is gone
        }
      }
    };
    const load = Promise.all(clients.flatMap((c) => Array.from({ length: 16 }, () => submitter(c))));
    await eventually("a few hundred acknowledged submits", () => acked.size >= 300 || undefined, 30_000);
    first.process.child.kill("SIGKILL");
    await eventually("scheduler gone", () => !first.process.running || undefined);
    stop = true;
    await load;
    for (const c of clients) c.close();

    const second = await startSchedulerProcess(dir, { port: first.port });
    schedulers.push(second);
    const client = new SchedulerClient(second.address, undefined, 5000);
    const all = await client.list();
    const byRequest = new Map(all.map((j) => [j.clientRequestId, j.id]));
    expect(byRequest.size).toBe(all.length);
    for (const [rid, id] of acked) expect(byRequest.get(rid)).toBe(id);
    // Unacknowledged submits may or may not have been stored; a retry finds the stored one or stores it once.
    for (const rid of attempted) {
      if (acked.has(rid)) continue;
      const res = await client.submit(spec(rid), rid);
      if (byRequest.has(rid)) expect(res.job?.id).toBe(byRequest.get(rid));
    }
    const after = await client.list();
    expect(after.length).toBe(attempted.size);
    expect(new Set(after.map((j) => j.clientRequestId)).size).toBe(attempted.size);
    client.close();
  }, 90_000);
});
