/**
 * A value as an error message quotes it: whole when short, else its first characters and its length, so a
 * megabyte of hostile input never travels back in an error (nor wedges the client that reads it).
 */
export function quoted(value: string, max = 64): string {
  if (value.length <= max) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, max))}... (${value.length} characters)`;
}
