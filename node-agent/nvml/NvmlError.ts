import { NvmlReturn, nvmlReturnName } from "./nvmlReturnCodes.ts";

/** A non-success `nvmlReturn_t`: the code, its NVML name and the function that returned it. */
export class NvmlError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly functionName: string;

  constructor(functionName: string, code: number, detail?: string) {
    const codeName = nvmlReturnName(code);
    super(`${functionName} failed: ${codeName} (${code})${detail ? `: ${detail}` : ""}`);
    this.name = "NvmlError";
    this.code = code;
    this.codeName = codeName;
    this.functionName = functionName;
  }

  static isCode(error: unknown, code: number): error is NvmlError {
    return error instanceof NvmlError && error.code === code;
  }
}

/** The value `read` returns, or null when NVML answers with an error (for fields a GPU or driver may lack). */
export function nvmlOptional<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (error instanceof NvmlError) return null;
    throw error;
  }
}

export { NvmlReturn };
