import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Command } from "commander";
import { readTokenFile } from "../../proto/tessera/SchedulerEndpoint.ts";
import { checkSchedulerIdentity, clientTlsMaterial, tlsCaEnvVar } from "../../proto/tessera/TlsFiles.ts";

/** Where CLI commands find the scheduler's HTTP API: `--http URL`, else $TESSERA_HTTP, else `tessera up`'s address. */
export const httpEnvVar = "TESSERA_HTTP";
export const defaultHttpUrl = "http://127.0.0.1:7080";

export function httpBaseUrl(flag: string | undefined): string {
  const raw = flag ?? process.env[httpEnvVar] ?? defaultHttpUrl;
  const withScheme = /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
  if (!URL.canParse(withScheme)) throw new Error(`--http "${raw}" is not a URL; use e.g. ${defaultHttpUrl}`);
  return withScheme.replace(/\/+$/, "");
}

/** `--http`, `--token-file` and `--tls-ca` as the HTTP commands take them. */
export interface HttpClientFlags {
  http?: string;
  tokenFile?: string;
  tlsCa?: string;
}

/** Adds the flags of a command that reads the HTTP API. */
export function withHttpClientFlags(command: Command): Command {
  return command
    .option("--http <URL>", `scheduler HTTP API (default $${httpEnvVar} or ${defaultHttpUrl})`)
    .option("--token-file <FILE>", "file with your token for the scheduler (default: $TESSERA_TOKEN_FILE)")
    .option(
      "--tls-ca <FILE>",
      `CA to check an https:// scheduler's certificate against (default: $${tlsCaEnvVar})`,
    );
}

/** A small JSON client of the scheduler's HTTP API for the CLI; errors carry the API's own message. */
export class TesseraHttpClient {
  constructor(
    readonly baseUrl: string,
    private readonly token?: string,
    private readonly ca?: Buffer,
  ) {}

  /** The client the flags (or $TESSERA_HTTP, $TESSERA_TOKEN_FILE, $TESSERA_TLS_CA) describe. */
  static fromFlags(flags: HttpClientFlags): TesseraHttpClient {
    const tokenFile = flags.tokenFile ?? process.env.TESSERA_TOKEN_FILE;
    return new TesseraHttpClient(
      httpBaseUrl(flags.http),
      tokenFile ? readTokenFile(tokenFile) : undefined,
      clientTlsMaterial({ tlsCa: flags.tlsCa })?.ca,
    );
  }

  async json<T>(path: string): Promise<T> {
    return JSON.parse(await this.text(path)) as T;
  }

  async text(path: string): Promise<string> {
    let response: { status: number; body: string };
    try {
      response = await this.get(path);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      throw new Error(
        `cannot reach the scheduler's HTTP API at ${this.baseUrl} (${e.code ?? e.message}): start it with \`tessera up\` or ` +
          `\`tessera scheduler --http HOST:PORT\`, or point --http / $${httpEnvVar} at it`,
      );
    }
    if (response.status < 200 || response.status >= 300) {
      let message = response.body;
      try {
        message = (JSON.parse(response.body) as { message?: string }).message ?? response.body;
      } catch {
        // Not JSON: keep the text as it came.
      }
      throw new Error(`${this.baseUrl}${path.split("?")[0]}: ${response.status} ${message}`);
    }
    return response.body;
  }

  private get(path: string): Promise<{ status: number; body: string }> {
    const url = `${this.baseUrl}${path}`;
    const headers = this.token ? { authorization: `Bearer ${this.token}` } : {};
    return new Promise((resolve, reject) => {
      const onResponse = (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (d: Buffer) => chunks.push(d));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", reject);
      };
      const req = url.startsWith("https:")
        ? httpsRequest(
            url,
            { headers, ...(this.ca ? { ca: this.ca } : {}), checkServerIdentity: checkSchedulerIdentity },
            onResponse,
          )
        : httpRequest(url, { headers }, onResponse);
      req.on("error", reject);
      req.end();
    });
  }
}
