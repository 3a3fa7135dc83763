import type { Command } from "commander";
import { CertificateAuthority } from "./CertificateAuthority.ts";

interface CertsFlags {
  dir: string;
  serverName: string[];
  node?: string[];
}

/** `tessera certs`: a CA, the scheduler's certificate and agent certificates for a first cluster. */
export function registerCertsCommand(program: Command): void {
  program
    .command("certs")
    .description("make a CA, a scheduler certificate and agent client certificates (needs openssl)")
    .option("--dir <DIR>", "where to write them (an existing CA there is reused)", ".tessera/certs")
    .option("--server-name <NAME...>", "host names and IP addresses clients dial the scheduler at", [
      "localhost",
      "127.0.0.1",
    ])
    .option("--node <NAME...>", "a client certificate per agent, named after its node")
    .action((flags: CertsFlags) => {
      try {
        const ca = new CertificateAuthority(flags.dir);
        const made = [ca.ensureCa(), ca.server("scheduler", flags.serverName)];
        for (const node of flags.node ?? []) made.push(ca.client(`agent-${node}`, node));
        for (const files of made) process.stdout.write(`${files.cert}\n${files.key}\n`);
        process.stdout.write(
          `scheduler: --tls-cert ${made[1]!.cert} --tls-key ${made[1]!.key} --tls-ca ${ca.ca.cert}\n` +
            `clients: --tls-ca ${ca.ca.cert} (or TESSERA_TLS_CA); agents add --tls-cert/--tls-key of their node\n` +
            "copy each agent-NODE.crt/.key to its own node only: a node holding another's key can pose as it\n" +
            `keep ${ca.ca.key} offline: whoever holds it can name any node\n`,
        );
      } catch (err) {
        process.stderr.write(`error: ${(err as Error).message}\n`);
        process.exitCode = 1;
      }
    });
}
