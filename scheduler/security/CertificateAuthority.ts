import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join } from "node:path";
import { AGENT_ORGANIZATION } from "./AgentOrganization.ts";

/** The files of a certificate and its key. */
export interface CertificateFiles {
  cert: string;
  key: string;
}

const curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

function openssl(args: string[]): void {
  try {
    execFileSync("openssl", args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split("\n").slice(-2).join(" ");
    throw new Error(
      `openssl ${args[0]} failed: ${stderr || (err as Error).message}. Install openssl (Debian: apt-get install openssl).`,
    );
  }
}

/**
 * A small certificate authority for a first cluster, kept in one folder and driven through the `openssl`
 * command: a CA, a server certificate for the scheduler, and client certificates whose common name is a node's
 * (agents) or a user's name.
 */
export class CertificateAuthority {
  readonly ca: CertificateFiles;

  constructor(readonly dir: string) {
    this.ca = { cert: join(dir, "ca.crt"), key: join(dir, "ca.key") };
  }

  /** Creates the CA unless the folder already holds one (its certificates stay valid). */
  ensureCa(days = 3650): CertificateFiles {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (existsSync(this.ca.cert) && existsSync(this.ca.key)) return this.ca;
    openssl([
      "req",
      "-x509",
      ...curve,
      "-keyout",
      this.ca.key,
      "-out",
      this.ca.cert,
      "-days",
      String(days),
      "-subj",
      "/CN=tessera-ca",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
    ]);
    return this.ca;
  }

  /** The scheduler's certificate, valid for each host name or IP address clients dial. */
  server(file: string, names: readonly string[], days = 825): CertificateFiles {
    const san = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(",");
    return this.issue(
      file,
      names[0] ?? "tessera-scheduler",
      [`subjectAltName=${san}`, "extendedKeyUsage=serverAuth"],
      days,
    );
  }

  /**
   * An agent's client certificate: its common name is the node's name, its organization `tessera:agents` (what
   * makes it an agent's; people authenticate with tokens).
   */
  client(file: string, name: string, days = 825): CertificateFiles {
    return this.issue(
      file,
      name,
      [`subjectAltName=DNS:${name}`, "extendedKeyUsage=clientAuth"],
      days,
      AGENT_ORGANIZATION,
    );
  }

  private issue(
    file: string,
    commonName: string,
    extensions: string[],
    days: number,
    organization?: string,
  ): CertificateFiles {
    if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/.test(commonName)) {
      throw new Error(`certificate name "${commonName.slice(0, 64)}": use letters, digits, - and . (1-63)`);
    }
    this.ensureCa();
    const out = { cert: join(this.dir, `${file}.crt`), key: join(this.dir, `${file}.key`) };
    const csr = join(this.dir, `${file}.csr`);
    const ext = join(this.dir, `${file}.ext`);
    writeFileSync(ext, `${extensions.join("\n")}\nbasicConstraints=CA:FALSE\n`);
    try {
      openssl([
        "req",
        "-new",
        ...curve,
        "-keyout",
        out.key,
        "-out",
        csr,
        "-subj",
        `${organization ? `/O=${organization}` : ""}/CN=${commonName}`,
      ]);
      openssl([
        "x509",
        "-req",
        "-in",
        csr,
        "-CA",
        this.ca.cert,
        "-CAkey",
        this.ca.key,
        "-CAcreateserial",
        "-days",
        String(days),
        "-out",
        out.cert,
        "-extfile",
        ext,
      ]);
    } finally {
      rmSync(csr, { force: true });
      rmSync(ext, { force: true });
    }
    return out;
  }
}
