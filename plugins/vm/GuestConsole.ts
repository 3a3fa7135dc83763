import { randomBytes } from "node:crypto";

/**
 * The guest's serial console, split into the job's log and the two markers the agent's init prints: `ready`
 * when the guest has booted (the boot time ends there) and `exit N` with the command's status. The markers carry
 * a per-run nonce so that a job cannot fake its own exit status by printing one.
 */
export class GuestConsole {
  readonly nonce: string;
  private pending = "";
  exitStatus: number | undefined;
  readyAtMs: number | undefined;

  constructor(
    private readonly onLogLine: (line: string) => void,
    private readonly now: () => number = Date.now,
    nonce?: string,
  ) {
    this.nonce = nonce ?? randomBytes(8).toString("hex");
  }

  get readyMarker(): string {
    return `TESSERA-${this.nonce} ready`;
  }

  get exitMarkerPrefix(): string {
    return `TESSERA-${this.nonce} exit `;
  }

  /** Feeds console bytes as they arrive; complete lines are handled at once, the rest waits for more. */
  write(chunk: string): void {
    this.pending += chunk;
    let newline = this.pending.indexOf("\n");
    while (newline >= 0) {
      this.line(this.pending.slice(0, newline));
      this.pending = this.pending.slice(newline + 1);
      newline = this.pending.indexOf("\n");
    }
  }

  /** Flushes a last line without a newline when the VM is gone. */
  end(): void {
    if (this.pending !== "") this.line(this.pending);
    this.pending = "";
  }

  private line(raw: string): void {
    // After the exit marker only the kernel's power-off messages follow; they are not the job's output.
    if (this.exitStatus !== undefined) return;
    const line = raw.replace(/\r/g, "");
    if (line === this.readyMarker) {
      this.readyAtMs ??= this.now();
      return;
    }
    if (line.startsWith(this.exitMarkerPrefix)) {
      const status = Number(line.slice(this.exitMarkerPrefix.length));
      if (Number.isInteger(status)) {
        this.exitStatus = status;
        return;
      }
    }
    this.onLogLine(line);
  }
}
