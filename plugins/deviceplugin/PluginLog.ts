import type { AllocationSink } from "./AllocationSink.ts";

/** Where the device plugin says what it does; the agent passes its own logger, tests pass a silent one. */
export interface PluginLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLog: PluginLog = {
  info: (message) => console.log(`device-plugin: ${message}`),
  warn: (message) => console.warn(`device-plugin: ${message}`),
  error: (message) => console.error(`device-plugin: ${message}`),
};

/** A PluginLog over a process's line logger, e.g. the agent's. */
export function lineLog(write: (line: string) => void): PluginLog {
  return {
    info: (message) => write(`device-plugin: ${message}`),
    warn: (message) => write(`device-plugin: warning: ${message}`),
    error: (message) => write(`device-plugin: error: ${message}`),
  };
}

/** Logs each kubelet allocation (the agent also reports them to the scheduler). */
export function allocationLog(write: (line: string) => void): AllocationSink {
  return {
    reportAllocation: (a) =>
      write(
        `device-plugin: kubelet allocated ${a.resourceName} ${a.deviceIds.join(",")} (GPUs ${a.gpuUuids.join(",")})`,
      ),
  };
}

export const silentLog: PluginLog = { info: () => {}, warn: () => {}, error: () => {} };
