import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GuestConsole } from "./GuestConsole.ts";

describe("GuestConsole", () => {
  it("splits the console into log lines and markers however the bytes are chunked", () => {
    const text =
      "boot noise\r\nTESSERA-n1 ready\r\nhello\r\nTESSERA-n0 exit 9\r\nworld\r\nTESSERA-n1 exit 3\r\n[ 1.2] reboot: Power down\r\n";
    fc.assert(
      fc.property(fc.array(fc.nat(text.length), { maxLength: 10 }), (cuts) => {
        const lines: string[] = [];
        let clock = 0;
        const guest = new GuestConsole(
          (line) => lines.push(line),
          () => ++clock,
          "n1",
        );
        const points = [...new Set([0, ...cuts, text.length])].sort((a, b) => a - b);
        for (let i = 1; i < points.length; i++) guest.write(text.slice(points[i - 1], points[i]));
        guest.end();
        // A marker with another nonce is the job's output, not its status.
        expect(lines).toEqual(["boot noise", "hello", "TESSERA-n0 exit 9", "world"]);
        expect(guest.exitStatus).toBe(3);
        expect(guest.readyAtMs).toBe(1);
      }),
    );
  });

  it("flushes a last line without newline and has no status when the guest never reported one", () => {
    const lines: string[] = [];
    const guest = new GuestConsole((line) => lines.push(line));
    guest.write("Kernel panic - not syncing");
    guest.end();
    expect(lines).toEqual(["Kernel panic - not syncing"]);
    expect(guest.exitStatus).toBeUndefined();
    expect(guest.nonce).toMatch(/^[0-9a-f]{16}$/);
  });
});
