/** Where CLI commands find the scheduler's HTTP API: `--http URL`, else $TESSERA_HTTP, else `tessera up`'s address. */
export const httpEnvVar = "TESSERA_HTTP";
export const defaultHttpUrl = "http://127.0.0.1:7080";

export function httpBaseUrl(flag: string | undefined): string {
  const raw = flag ?? process.env[httpEnvVar] ?? defaultHttpUrl;
  const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
  if (!URL.canParse(withScheme)) throw new Error(`--http "${raw}" is not a URL; use e.g. ${defaultHttpUrl}`);
  return withScheme.replace(/\/+$/, "");
}

/** A small JSON client of the scheduler's HTTP API for the CLI; errors carry the API's own message. */
export class TesseraHttpClient {
  constructor(readonly baseUrl: string) {}

  async json<T>(path: string): Promise<T> {
    return JSON.parse(await this.text(path)) as T;
  }

  async text(path: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? String(error);
      throw new Error(
        `cannot reach the scheduler's HTTP API at ${this.baseUrl} (${why}): start it with \`tessera up\` or ` +
          `\`tessera scheduler --http HOST:PORT\`, or point --http / $${httpEnvVar} at it`,
      );
    }
    const body = await response.text();
    if (!response.ok) {
      let message = body;
      try {
        message = (JSON.parse(body) as { message?: string }).message ?? body;
      } catch {
        // Not JSON: keep the text as it came.
      }
      throw new Error(`${this.baseUrl}${path.split("?")[0]}: ${response.status} ${message}`);
    }
    return body;
  }
}
