import type { IdleEvent } from "./IdleDetector.ts";

/** POSTs idle events as JSON to the configured URL; a failed delivery is reported, never retried forever. */
export class IdleWebhook {
  constructor(
    private readonly url: string,
    private readonly warn: (message: string) => void,
    private readonly timeoutMs = 5000,
  ) {}

  async deliver(event: IdleEvent): Promise<void> {
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      if (!response.ok) {
        this.warn(
          `idle webhook ${this.url} answered ${response.status} to ${event.event} of job ${event.jobId}`,
        );
      }
    } catch (error) {
      this.warn(
        `idle webhook ${this.url} unreachable for ${event.event} of job ${event.jobId}: ${String(error)}`,
      );
    }
  }
}
