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

export const silentLog: PluginLog = { info: () => {}, warn: () => {}, error: () => {} };
