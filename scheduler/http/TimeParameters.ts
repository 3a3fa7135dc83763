import { parseDuration } from "../finops/FinopsConfig.ts";

/** A query parameter that names a point in time: `now`, `now-7d`, epoch milliseconds or ISO 8601. */
export function parseInstant(value: string, now: number, name: string): number {
  if (value === "now") return now;
  if (value.startsWith("now-")) return now - parseDuration(value.slice(4), name);
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) {
    throw new RangeError(
      `${name}: "${value}" is not a time; use now, now-7d, epoch milliseconds or ISO 8601`,
    );
  }
  return at;
}
