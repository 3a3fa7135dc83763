import { createPrivateKey, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { checkServerIdentity, type PeerCertificate } from "node:tls";
import * as grpc from "@grpc/grpc-js";

/** Environment variable naming the CA file clients check the scheduler's certificate against. */
export const tlsCaEnvVar = "TESSERA_TLS_CA";

/** `--tls-cert`, `--tls-key`, `--tls-ca` as given on a command line. */
export interface TlsFlags {
  tlsCert?: string;
  tlsKey?: string;
  tlsCa?: string;
}

/** PEM contents of the TLS files, read and checked once at start. */
export interface TlsMaterial {
  cert?: Buffer;
  key?: Buffer;
  ca?: Buffer;
}

function readPem(path: string, flag: string, check: (pem: Buffer) => void): Buffer {
  let pem: Buffer;
  try {
    pem = readFileSync(path);
  } catch (err) {
    throw new Error(`${flag} ${path}: cannot read it: ${(err as Error).message}`);
  }
  try {
    check(pem);
  } catch (err) {
    throw new Error(`${flag} ${path}: not a PEM file of the right kind (${(err as Error).message})`);
  }
  return pem;
}

/** Reads the files named by the flags; a certificate needs its key and the other way round. */
export function readTlsMaterial(flags: TlsFlags): TlsMaterial | undefined {
  if (!flags.tlsCert && !flags.tlsKey && !flags.tlsCa) return undefined;
  if (Boolean(flags.tlsCert) !== Boolean(flags.tlsKey)) {
    throw new Error("--tls-cert and --tls-key go together: give both (the certificate and its private key)");
  }
  const material: TlsMaterial = {};
  if (flags.tlsCert) material.cert = readPem(flags.tlsCert, "--tls-cert", (pem) => new X509Certificate(pem));
  if (flags.tlsKey) material.key = readPem(flags.tlsKey, "--tls-key", (pem) => createPrivateKey(pem));
  if (flags.tlsCa) material.ca = readPem(flags.tlsCa, "--tls-ca", (pem) => new X509Certificate(pem));
  return material;
}

/** Client-side TLS: `--tls-ca` (or $TESSERA_TLS_CA) and, for agents, a client certificate. */
export function clientTlsMaterial(flags: TlsFlags): TlsMaterial | undefined {
  return readTlsMaterial({ ...flags, tlsCa: flags.tlsCa ?? process.env[tlsCaEnvVar] });
}

const serverAuthUsage = "1.3.6.1.5.5.7.3.1";

/**
 * The scheduler's certificate must name the host dialled and be made for server authentication, so that an
 * agent's or user's client certificate from the same CA cannot pose as the scheduler.
 */
export function checkSchedulerIdentity(host: string, certificate: PeerCertificate): Error | undefined {
  const wrongName = checkServerIdentity(host, certificate);
  if (wrongName) return wrongName;
  if (certificate.ext_key_usage?.includes(serverAuthUsage)) return undefined;
  const cn = certificate.subject?.CN as string | string[] | undefined;
  return new Error(
    `the certificate of ${host} (${String(cn ?? "no name").slice(0, 64)}) is not for server authentication ` +
      "(no serverAuth extended key usage): give the scheduler one made by `tessera certs --server-name`",
  );
}

/**
 * Channel credentials for a scheduler address: TLS checked against the CA, the address's host name and the
 * serverAuth usage when a CA is given, plaintext otherwise.
 */
export function channelCredentials(tls: TlsMaterial | undefined): grpc.ChannelCredentials {
  if (!tls?.ca) {
    if (tls?.cert)
      throw new Error("--tls-cert needs --tls-ca: the CA that signed the scheduler's certificate");
    return grpc.credentials.createInsecure();
  }
  return grpc.credentials.createSsl(tls.ca, tls.key ?? null, tls.cert ?? null, {
    checkServerIdentity: checkSchedulerIdentity,
  });
}
