import { readFileSync } from "node:fs";

/**
 * The host's TSC rate in kHz, from `/proc/cpuinfo` (`cpu MHz`, which is the TSC rate on the constant-TSC
 * virtual machines where TCG is the fallback), or undefined when it cannot be read.
 *
 * Why a TCG guest needs it: under TCG the guest reads the host's TSC, and on a busy host the guest kernel's
 * calibration against the emulated PIT fails ("tsc: Unable to calibrate against PIT"); a MicroVM has no HPET or
 * ACPI PM timer to fall back on, so boot hangs. Telling the kernel the rate (`tsc_early_khz`) skips calibration.
 */
export function hostTscKhz(cpuinfoPath = "/proc/cpuinfo"): number | undefined {
  let text: string;
  try {
    text = readFileSync(cpuinfoPath, "utf8");
  } catch {
    return undefined;
  }
  const match = /^cpu MHz\s*:\s*([0-9.]+)/m.exec(text);
  const khz = match ? Math.round(Number(match[1]) * 1000) : Number.NaN;
  return Number.isFinite(khz) && khz > 0 ? khz : undefined;
}
