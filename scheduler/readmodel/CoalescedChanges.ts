import type { FleetReadModel } from "./FleetReadModel.ts";

/**
 * Follows a read model's changes at most once per `intervalMs`, always ending on the latest state: agents report
 * every few seconds each, and consumers that rebuild from a whole snapshot need not do it for every report.
 */
export function onChangeAtMost(fleet: FleetReadModel, intervalMs: number, listener: () => void): () => void {
  let last = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = () => {
    timer = undefined;
    if (stopped) return;
    last = Date.now();
    listener();
  };
  const unsubscribe = fleet.onChange(() => {
    if (timer) return;
    timer = setTimeout(run, Math.max(0, last + intervalMs - Date.now()));
  });
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}
